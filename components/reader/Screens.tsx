/**
 * The reader's screens over the page area: opening a file, loading, the password form and the error
 * message with its ways back (the browser's own viewer always among them when there is an address).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderModel, ReaderState } from '@/lib/reader/model';

export function OpenScreen({ choose }: { choose(): void }) {
  return (
    <section class="rd-panel" data-testid="ml-reader-open" aria-labelledby="rd-open-h">
      <h2 id="rd-open-h">Open a PDF</h2>
      <p>
        Choose a PDF on your computer, or drop one anywhere on this page. The file stays on your computer: nothing is
        sent anywhere.
      </p>
      <button type="button" class="ml-primary" onClick={choose}>
        Choose a PDF…
      </button>
    </section>
  );
}

export function LoadingScreen({ name }: { name: string | null }) {
  return (
    <p class="rd-panel" role="status" data-testid="ml-reader-loading">
      Opening {name ?? 'the PDF'}…
    </p>
  );
}

export function PasswordForm({ retry, answer }: { retry: boolean; answer(pw: string | null): void }) {
  const [pw, setPw] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [retry]);
  return (
    <form
      class="rd-panel"
      data-testid="ml-reader-password"
      aria-labelledby="rd-pw-h"
      onSubmit={(e) => {
        e.preventDefault();
        // The field itself: a submit right after typing may come before the state update renders.
        answer(input.current?.value ?? pw);
        setPw('');
      }}
    >
      <h2 id="rd-pw-h">This PDF is protected by a password</h2>
      {retry && (
        <p class="ml-error" role="alert">
          That password is not right. Try again.
        </p>
      )}
      <label class="ml-field">
        Password
        <input
          ref={input}
          type="password"
          autocomplete="off"
          value={pw}
          onInput={(e) => setPw(e.currentTarget.value)}
        />
      </label>
      <div class="ml-row">
        <button type="submit" class="ml-primary">
          Open
        </button>
        <button type="button" onClick={() => answer(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ErrorScreen({ s, model }: { s: ReaderState; model: ReaderModel }) {
  const error = s.error;
  if (!error) return null;
  return (
    <section class="rd-panel" role="alert" data-testid="ml-reader-error" data-kind={error.kind}>
      <h2>{error.title}</h2>
      <p>{error.detail}</p>
      <div class="ml-row">
        {error.kind === 'permission' && (
          <button type="button" class="ml-primary" onClick={() => model.allowAndRetry()}>
            Allow access to this site
          </button>
        )}
        {s.url && error.kind !== 'permission' && (
          <button type="button" class="ml-primary" onClick={() => void model.openUrl(s.url!)}>
            Try again
          </button>
        )}
        <button type="button" onClick={() => model.reset()}>
          Open another PDF
        </button>
        {s.nativeUrl && (
          <a href={s.nativeUrl} rel="noopener noreferrer">
            Open in the browser’s own viewer
          </a>
        )}
      </div>
    </section>
  );
}
