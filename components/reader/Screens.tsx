/**
 * The reader's screens over the page area: opening a file, loading, the password form and the error
 * message with its ways back (the browser's own viewer always among them when there is an address).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderModel, ReaderState } from '@/lib/reader/model';
import { t } from '@/lib/i18n/t';

export function OpenScreen({ choose }: { choose(): void }) {
  return (
    <section class="rd-panel" data-testid="ml-reader-open" aria-labelledby="rd-open-h">
      <h2 id="rd-open-h">{t('rd_openHeading')}</h2>
      <p>{t('rd_openHelp')}</p>
      <button type="button" class="ml-primary" onClick={choose}>
        {t('rd_choose')}
      </button>
    </section>
  );
}

export function LoadingScreen({ name }: { name: string | null }) {
  return (
    <p class="rd-panel" role="status" data-testid="ml-reader-loading">
      {t('rd_opening', name ?? t('rd_thePdf'))}
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
      <h2 id="rd-pw-h">{t('rd_pwHeading')}</h2>
      {retry && (
        <p class="ml-error" role="alert">
          {t('rd_pwWrong')}
        </p>
      )}
      <label class="ml-field">
        {t('rd_password')}
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
          {t('rd_open')}
        </button>
        <button type="button" onClick={() => answer(null)}>
          {t('rd_cancel')}
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
            {t('rd_allow')}
          </button>
        )}
        {s.url && error.kind !== 'permission' && (
          <button type="button" class="ml-primary" onClick={() => void model.openUrl(s.url!)}>
            {t('rd_retry')}
          </button>
        )}
        <button type="button" onClick={() => model.reset()}>
          {t('rd_another')}
        </button>
        {s.nativeUrl && (
          <a href={s.nativeUrl} rel="noopener noreferrer">
            {t('rd_native')}
          </a>
        )}
      </div>
    </section>
  );
}
