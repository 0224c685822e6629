/**
 * The reader's header: outline switch, title and UN symbol, page navigation, zoom, find in document,
 * download and print of the original, opening a file, and the browser's own viewer.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReaderModel, ReaderState } from '@/lib/reader/model';
import type { ReaderViewer } from '@/lib/reader/pdf';
import { t } from '@/lib/i18n/t';

type Viewer = () => ReaderViewer;

function PageNav({ s, viewer }: { s: ReaderState; viewer: Viewer }) {
  const [pageText, setPageText] = useState('1');
  useEffect(() => setPageText(String(s.page)), [s.page]);
  return (
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
  );
}

function Zoom({ zoom, viewer }: { zoom: number; viewer: Viewer }) {
  return (
    <div class="ml-row" role="group" aria-label={t('rd_zoom')}>
      <button type="button" onClick={() => viewer().zoom(-1)} aria-label={t('rd_zoomOut')}>
        −
      </button>
      <span class="rd-zoom" aria-live="polite">
        {zoom}%
      </span>
      <button type="button" onClick={() => viewer().zoom(1)} aria-label={t('rd_zoomIn')}>
        +
      </button>
      <button type="button" onClick={() => viewer().fitWidth()}>
        {t('rd_fitWidth')}
      </button>
    </div>
  );
}

function findMessage(find: ReaderState['find']): string {
  if (find.state === 1) return t('rd_notFound');
  if (find.total > 0) return t('rd_findCount', find.current, find.total);
  return find.state === 3 ? t('common_searching') : '';
}

function Find({ s, viewer, box }: { s: ReaderState; viewer: Viewer; box: RefObject<HTMLInputElement | null> }) {
  const [query, setQuery] = useState('');
  return (
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
          ref={box}
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
        {findMessage(s.find)}
      </span>
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

function Actions({ s, viewer, openFile }: { s: ReaderState; viewer: Viewer; openFile(): void }) {
  const ready = s.phase === 'ready';
  const bytesThen = (f: (b: Uint8Array) => void) => () =>
    void viewer()
      .data()
      .then((b) => b && f(b));
  const name = s.fileName && /\.pdf$/i.test(s.fileName) ? s.fileName : `${s.fileName ?? 'document'}.pdf`;
  return (
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
      <button type="button" onClick={openFile}>
        {t('rd_openFile')}
      </button>
      {s.nativeUrl && (
        <a href={s.nativeUrl} data-testid="ml-reader-native" rel="noopener noreferrer">
          {t('rd_native')}
        </a>
      )}
    </div>
  );
}

interface ToolbarProps {
  s: ReaderState;
  model: ReaderModel;
  side: boolean;
  toggleSide(): void;
  findBox: RefObject<HTMLInputElement | null>;
  openFile(): void;
}

export function Toolbar({ s, model, side, toggleSide, findBox, openFile }: ToolbarProps) {
  const viewer = () => model.viewer();
  const ready = s.phase === 'ready';
  return (
    <header class="rd-bar">
      {ready && (
        <button
          type="button"
          aria-expanded={side}
          aria-controls={side ? 'rd-side' : undefined}
          onClick={toggleSide}
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
      {ready && <PageNav s={s} viewer={viewer} />}
      {ready && <Zoom zoom={s.zoom} viewer={viewer} />}
      {ready && <Find s={s} viewer={viewer} box={findBox} />}
      <Actions s={s} viewer={viewer} openFile={openFile} />
    </header>
  );
}
