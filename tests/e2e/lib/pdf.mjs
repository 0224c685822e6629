// Test PDFs written at test time (nothing binary is committed): a minimal PDF writer for pages of
// text lines in Helvetica, with an optional title, outline and text-free pages, plus the derived bad
// inputs (truncated, password-protected with Debian's qpdf). Files go to .output/e2e-pdf/, which the
// E2E server serves under /pdf/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './server.mjs';

export const PDF_DIR = path.join(ROOT, '.output/e2e-pdf');

const esc = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * pages: array of pages, each an array of text lines (an empty array = a page with a grey box and no
 * text, like a scan). outline: [{ title, page }] (1-based). cid: set the text in a CID-keyed font that
 * is not embedded and is encoded with a predefined CMap (UniJIS-UCS2-H, as Japanese UN documents may
 * be): pdf.js needs its packaged character maps to read it. Returns the PDF as a Buffer.
 */
export function makePdf({ title = null, pages, outline = [], cid = false }) {
  const objs = []; // index i → object number i + 1
  const add = (body) => objs.push(body) && objs.length;
  const catalog = add(null);
  const pagesObj = add(null);
  let font;
  if (cid) {
    const desc = add(
      '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    );
    const cidFont = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor ${desc} 0 R >>`,
    );
    font = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`,
    );
  } else font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  // UCS-2 big-endian hex for the CID font; a literal string otherwise.
  const str = (l) =>
    cid ? `<${[...l].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>` : `(${esc(l)})`;
  const pageIds = [];
  for (const lines of pages) {
    let content;
    if (lines.length) {
      content = 'BT /F1 12 Tf 16 TL 72 740 Td\n' + lines.map((l) => `${str(l)} Tj T*`).join('\n') + '\nET';
    } else content = '0.6 g 72 300 468 400 re f';
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objs[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let outlines = '';
  if (outline.length) {
    const root = add(null);
    const first = objs.length + 1;
    const items = outline.map((o, i) => {
      const prev = i > 0 ? ` /Prev ${first + i - 1} 0 R` : '';
      const next = i < outline.length - 1 ? ` /Next ${first + i + 1} 0 R` : '';
      return `<< /Title (${esc(o.title)}) /Parent ${root} 0 R /Dest [${pageIds[o.page - 1]} 0 R /Fit]${prev}${next} >>`;
    });
    for (const it of items) add(it);
    objs[root - 1] =
      `<< /Type /Outlines /First ${first} 0 R /Last ${first + items.length - 1} 0 R /Count ${items.length} >>`;
    outlines = ` /Outlines ${root} 0 R /PageMode /UseOutlines`;
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${outlines} >>`;
  const info = title ? add(`<< /Title (${esc(title)}) /Producer (Migration Lens E2E) >>`) : null;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objs.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Our own test sentences: known terms, a term at the start of a line, and a look-alike. */
export const TERMS_PAGE = [
  'A/HRC/99/1',
  'Report on labour migration governance',
  'The International Organization for Migration (IOM) and UNHCR met',
  'at the Global Forum on Migration and Development (GFMD) this year.',
  'Delegates discussed remittances, circular migration and the work of',
  'UNHCR with host communities.',
  'A tourist took the Isle of Man (IOM) ferry across the sea.',
];

const fillerPage = (n) => [
  `Page ${n} of the long test report.`,
  'This page repeats plain text about statistics, budgets and meetings.',
  n % 10 === 0 ? 'The GFMD returns on this page.' : 'Nothing else of note is written here.',
];

/** Writes every test PDF once per run; returns their file names. */
export function writeTestPdfs() {
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const write = (name, buf) => fs.writeFileSync(path.join(PDF_DIR, name), buf);
  const terms = makePdf({
    title: 'Test report on migration governance',
    pages: [TERMS_PAGE, ['Second page: the ILO and UNHCR again.', 'More about the GFMD.']],
    outline: [
      { title: 'Summary', page: 1 },
      { title: 'Annex', page: 2 },
    ],
  });
  write('terms.pdf', terms);
  write('long.pdf', makePdf({ title: 'Long report', pages: Array.from({ length: 120 }, (_, i) => fillerPage(i + 1)) }));
  // Short lines: the font is not embedded, so each glyph is as wide as a CJK one.
  const cidLines = ['GFMD notes', 'from UNHCR', 'on mobility.'];
  write('cid.pdf', makePdf({ title: 'CID font report', pages: [cidLines], cid: true }));
  write('scan.pdf', makePdf({ title: 'Scanned letter', pages: [[], []] }));
  write('truncated.pdf', terms.subarray(0, Math.floor(terms.length * 0.3)));
  write('notpdf.pdf', Buffer.from('<!doctype html><title>Sign in</title><p>Please sign in to continue.</p>'));
  execFileSync('qpdf', [
    '--encrypt',
    'secret-pw',
    'owner-pw',
    '256',
    '--',
    path.join(PDF_DIR, 'terms.pdf'),
    path.join(PDF_DIR, 'locked.pdf'),
  ]);
  return PDF_DIR;
}
