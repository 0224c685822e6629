/**
 * The reader's view: header (title, UN symbol, page navigation, zoom, find, download/print, the
 * browser's own viewer), the outline sidebar, the pdf.js viewer container, and the screens for
 * opening a file, errors and passwords. It renders the model's state and calls its actions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OutlineNode } from '@/lib/reader/pdf';
import type { ReaderModel, ReaderState } from '@/lib/reader/model';
import { t } from '@/lib/i18n/t';

interface Props {
  model: ReaderModel;
  /** Called once with the elements pdf.js's viewer lives in. */
  onViewer(container: HTMLDivElement, viewer: HTMLDivElement): void;
}

function Outline({ items, go }: { items: OutlineNode[]; go(dest: unknown): void }) {
  return (
    <ul>
      {items.map((o, i) => (
        <li key={i}>
          <button type="button" class="ml-link" onClick={() => go(o.dest)}>
            {o.title}
          </button>
          {o.items.length > 0 && <Outline items={o.items} go={go} />}
        </li>
      ))}
    </ul>
  );
}

function PasswordForm({ retry, answer }: { retry: boolean; answer(pw: string | null): void }) {
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

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReaderApp({ model, onViewer }: Props) {
  const [s, setS] = useState<ReaderState>(model.state);
  const [side, setSide] = useState(true);
  const [pageText, setPageText] = useState('1');
  const [query, setQuery] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const viewerEl = useRef<HTMLDivElement>(null);
  const findBox = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => model.subscribe(setS), [model]);
  useEffect(() => setPageText(String(s.page)), [s.page]);
  useEffect(() => {
    onViewer(container.current!, viewerEl.current!);
    // Once: the viewer keeps these elements for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const viewer = () => model.viewer();
  const ready = s.phase === 'ready';

  // Keyboard: page keys move by page, Ctrl/Cmd+F goes to the find box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        if (!model.state.pages) return;
        e.preventDefault();
        findBox.current?.focus();
        findBox.current?.select();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey || model.state.phase !== 'ready') return;
      const v = viewer();
      const go: Record<string, () => number> = {
        PageDown: () => v.page + 1,
        PageUp: () => v.page - 1,
        Home: () => 1,
        End: () => v.pages,
      };
      const f = go[e.key];
      if (!f) return;
      e.preventDefault();
      v.goTo(f());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);

  // Drag and drop anywhere on the page.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f) void model.openFile(f);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [model]);

  const bytesThen = (f: (b: Uint8Array) => void) => () =>
    void viewer()
      .data()
      .then((b) => b && f(b));
  const name = s.fileName && /\.pdf$/i.test(s.fileName) ? s.fileName : `${s.fileName ?? 'document'}.pdf`;
  const findMsg =
    s.find.state === 1
      ? t('rd_notFound')
      : s.find.total > 0
        ? t('rd_findCount', s.find.current, s.find.total)
        : s.find.state === 3
          ? t('common_searching')
          : '';

  return (
    <div class={`rd-app${dragging ? ' rd-dragging' : ''}`} data-phase={s.phase}>
      <header class="rd-bar">
        {ready && (
          <button
            type="button"
            aria-expanded={side}
            aria-controls={side ? 'rd-side' : undefined}
            onClick={() => setSide(!side)}
            title={t('rd_outlineToggle')}
          >
            {t('rd_outline')}
          </button>
        )}
        <div class="rd-title">
          <h1 data-testid="ml-reader-title">{s.title ?? s.fileName ?? t('rd_appTitle')}</h1>
          {s.symbol && (
            <span class="rd-symbol" data-testid="ml-reader-symbol" title={t('rd_symbol')}>
              {s.symbol}
            </span>
          )}
        </div>
        {ready && (
          <nav class="ml-row" aria-label={t('rd_pages')}>
            <button
              type="button"
              onClick={() => viewer().goTo(s.page - 1)}
              disabled={s.page <= 1}
              aria-label={t('rd_prevPage')}
            >
              ‹
            </button>
            <label>
              <span class="ml-sr">{t('rd_pageNumber')}</span>
              <input
                class="rd-pagebox"
                data-testid="ml-reader-page"
                inputMode="numeric"
                value={pageText}
                onInput={(e) => setPageText(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') viewer().goTo(Number(e.currentTarget.value) || s.page);
                }}
                onBlur={() => setPageText(String(s.page))}
              />
            </label>
            <span data-testid="ml-reader-pages">{t('rd_ofPages', s.pages)}</span>
            <button
              type="button"
              onClick={() => viewer().goTo(s.page + 1)}
              disabled={s.page >= s.pages}
              aria-label={t('rd_nextPage')}
            >
              ›
            </button>
          </nav>
        )}
        {ready && (
          <div class="ml-row" role="group" aria-label={t('rd_zoom')}>
            <button type="button" onClick={() => viewer().zoom(-1)} aria-label={t('rd_zoomOut')}>
              −
            </button>
            <span class="rd-zoom" aria-live="polite">
              {s.zoom}%
            </span>
            <button type="button" onClick={() => viewer().zoom(1)} aria-label={t('rd_zoomIn')}>
              +
            </button>
            <button type="button" onClick={() => viewer().fitWidth()}>
              {t('rd_fitWidth')}
            </button>
          </div>
        )}
        {ready && (
          <form
            class="ml-row"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              viewer().find(query, true);
            }}
          >
            <label>
              <span class="ml-sr">{t('rd_find')}</span>
              <input
                ref={findBox}
                type="search"
                data-testid="ml-reader-find"
                placeholder={t('rd_find')}
                value={query}
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  viewer().find(e.currentTarget.value, false);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.shiftKey) {
                    e.preventDefault();
                    viewer().find(query, true, true);
                  }
                }}
              />
            </label>
            <button type="button" onClick={() => viewer().find(query, true, true)} aria-label={t('rd_prevMatch')}>
              ↑
            </button>
            <button type="submit" aria-label={t('rd_nextMatch')}>
              ↓
            </button>
            <span class="rd-find" role="status" data-testid="ml-reader-find-status">
              {findMsg}
            </span>
          </form>
        )}
        <div class="ml-row rd-end">
          {ready && (
            <button type="button" onClick={bytesThen((b) => download(b, name))}>
              {t('rd_download')}
            </button>
          )}
          {ready && (
            <button
              type="button"
              title={t('rd_printTitle')}
              onClick={bytesThen((b) => {
                const url = URL.createObjectURL(new Blob([b as BlobPart], { type: 'application/pdf' }));
                window.open(url, '_blank', 'noopener');
              })}
            >
              {t('rd_print')}
            </button>
          )}
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('rd_openFile')}
          </button>
          {s.nativeUrl && (
            <a href={s.nativeUrl} data-testid="ml-reader-native" rel="noopener noreferrer">
              {t('rd_native')}
            </a>
          )}
        </div>
      </header>
      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,.pdf"
        class="ml-sr"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="ml-reader-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void model.openFile(f);
          e.currentTarget.value = '';
        }}
      />
      {ready && s.noText && (
        <p class="rd-notice" role="status" data-testid="ml-reader-notext">
          {t('rd_noText')}
        </p>
      )}
      <div class="rd-main">
        {side && ready && (
          <nav id="rd-side" class="rd-side" aria-label={t('rd_outline')} data-testid="ml-reader-outline">
            <h2>{t('rd_outline')}</h2>
            {s.outline.length ? (
              <Outline items={s.outline} go={(d) => viewer().goToDest(d)} />
            ) : (
              <p class="ml-muted">{t('rd_noOutline')}</p>
            )}
          </nav>
        )}
        <main class="rd-view" aria-label={t('rd_document')}>
          <div
            id="viewerContainer"
            ref={container}
            class="rd-container"
            tabIndex={0}
            role="region"
            aria-label={t('rd_pdfPages')}
          >
            <div ref={viewerEl} class="pdfViewer" />
          </div>
          {s.phase === 'open' && (
            <section class="rd-panel" data-testid="ml-reader-open" aria-labelledby="rd-open-h">
              <h2 id="rd-open-h">{t('rd_openHeading')}</h2>
              <p>{t('rd_openHelp')}</p>
              <button type="button" class="ml-primary" onClick={() => fileInput.current?.click()}>
                {t('rd_choose')}
              </button>
            </section>
          )}
          {s.phase === 'loading' && !s.password && (
            <p class="rd-panel" role="status" data-testid="ml-reader-loading">
              {t('rd_opening', s.fileName ?? t('rd_thePdf'))}
            </p>
          )}
          {s.password && <PasswordForm retry={s.password.retry} answer={(pw) => model.answerPassword(pw)} />}
          {s.phase === 'error' && s.error && (
            <section class="rd-panel" role="alert" data-testid="ml-reader-error" data-kind={s.error.kind}>
              <h2>{s.error.title}</h2>
              <p>{s.error.detail}</p>
              <div class="ml-row">
                {s.error.kind === 'permission' && (
                  <button type="button" class="ml-primary" onClick={() => model.allowAndRetry()}>
                    {t('rd_allow')}
                  </button>
                )}
                {s.url && s.error.kind !== 'permission' && (
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
          )}
        </main>
      </div>
    </div>
  );
}
