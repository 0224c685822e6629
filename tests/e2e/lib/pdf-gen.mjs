// Test PDFs made at test time by the browser under test (nothing binary is committed): an HTML page
// we write, printed to PDF, saved under .output/e2e-pdf/ and served by the E2E server at /pdf/<name>.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

export const PDF_DIR = path.join(ROOT, '.output/e2e-pdf');

/** Our own sentences with known terms and lookalikes; one per page with a page number. */
export function pdfHtml(pages, title = 'PDF ways test document') {
  const body = Array.from(
    { length: pages },
    (_, i) =>
      `<section style="page-break-after:always"><h2>Page ${i + 1}</h2>` +
      `<p>On page ${i + 1}, delegates of the GFMD compared notes with IOM and UNHCR on labour mobility.</p>` +
      `<p>The word "gimmick" and the name "Iomega" only look like terms; a remittance corridor is a real one.</p></section>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * Prints `html` to .output/e2e-pdf/<name> with the running browser (Chromium: DevTools printToPDF;
 * Firefox: WebDriver BiDi print) unless it exists already in this run; returns the file path.
 */
export async function makePdf(t, name, html) {
  const file = path.join(PDF_DIR, name);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs > (t.runStarted ?? 0)) return file;
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const page = await t.newPage();
  try {
    await page.raw.setContent(html);
    let bytes;
    if (t.browser.name === 'chromium') {
      const cdp = await t.browser.ctx.newCDPSession(page.raw);
      const { data } = await cdp.send('Page.printToPDF', { printBackground: false, preferCSSPageSize: true });
      bytes = Buffer.from(data, 'base64');
      await cdp.detach();
    } else {
      bytes = Buffer.from(await page.raw.pdf({ format: 'A4' }));
    }
    if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${name}: printing gave no PDF`);
    fs.writeFileSync(file, bytes);
    return file;
  } finally {
    await page.close();
  }
}
