/**
 * The popup's way into the PDF reader: on a tab showing a PDF (told from its URL, which the browser
 * shows us after the toolbar click), one button opens the same document in the reader.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PagesApi, PdfWays } from '@/lib/pages/api';
import { pdfFileOf, pdfPageOf, withoutHash } from '@/lib/pdf/detect';
import type { PageState } from './usePage';
import { t } from '@/lib/i18n/t';

type Seen = { tabId: number; url: string | null } | null;

export function PdfOffer({ api, page }: { api: PagesApi; page: PageState }) {
  const pdf = api.pdf;
  const [seen, setSeen] = useState<Seen>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!pdf || page.status === 'loading') return;
    let live = true;
    void (async () => {
      // Chromium runs our content script in its PDF viewer's page, which reports the address; where
      // nothing answers (Firefox's pdf.js viewer) the toolbar click's activeTab grant shows it.
      const tabId = page.status === 'ready' ? page.tabId : await api.tabs.target();
      const url = page.status === 'ready' ? page.page.url : tabId === null ? null : await pdf.tabUrl(tabId);
      if (live) setSeen(tabId === null ? null : { tabId, url });
    })();
    return () => {
      live = false;
    };
  }, [api, pdf, page]);
  if (!pdf || !seen) return null;
  const file = pdfFileOf(seen.url ?? undefined);
  if (!file) {
    // Nothing answered in the tab and we cannot see what it shows: say what still works for PDFs.
    if (page.status !== 'unavailable') return null;
    return (
      <p class="ml-muted" data-testid="ml-pdf-hint">
        {t('pdf_hint', t('menuOpenPdf'), t('set_pdfLinks'))}
      </p>
    );
  }
  return <PdfButton pdf={pdf} tabId={seen.tabId} url={seen.url!} file={file} error={error} setError={setError} />;
}

function PdfButton(p: {
  pdf: PdfWays;
  tabId: number;
  url: string;
  file: string;
  error: string | null;
  setError(e: string | null): void;
}) {
  const page = pdfPageOf(p.url);
  return (
    <section data-testid="ml-pdf" aria-label={t('pdf_section')}>
      <p>{t('pdf_explain')}</p>
      <button
        type="button"
        data-testid="ml-open-reader"
        onClick={() =>
          void p.pdf.openInReader(p.tabId, withoutHash(p.file), page).catch((e: unknown) => p.setError(String(e)))
        }
      >
        {t('pdf_open')}
      </button>
      {p.error && (
        <p class="ml-error" role="alert">
          {t('pdf_openError', p.error)}
        </p>
      )}
    </section>
  );
}
