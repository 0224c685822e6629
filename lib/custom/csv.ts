/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Each row keeps the
 * 1-based line it starts on so import errors can point at the right line of the user's file.
 */

export interface CsvRow {
  line: number;
  cells: string[];
}

import type { MessageKey } from '../i18n/keys';
import { english, msg, render, type Msg } from './issue';

/** A malformed file: the reason is a message (issue_csv*) so the import can word it in any language. */
export class CsvError extends Error {
  readonly reason: Msg;
  constructor(
    public line: number,
    key: MessageKey,
    ...subs: string[]
  ) {
    const reason = msg(key, ...subs);
    super(`line ${line}: ${render(reason, english)}`);
    this.reason = reason;
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false; // current cell started with a quote
  let afterQuote = false; // closing quote seen; only a separator may follow
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // spreadsheet apps prepend a BOM

  const endRow = () => {
    cells.push(cell);
    // A completely empty line (e.g. trailing newline) is not a row.
    if (!(cells.length === 1 && cells[0] === '' && !quoted && !afterQuote)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    quoted = false;
    afterQuote = false;
  };

  while (i < n) {
    const c = text[i];
    if (quoted && !afterQuote) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        afterQuote = true;
        i++;
        continue;
      }
      if (c === '\r' && text[i + 1] === '\n') {
        cell += '\r\n';
        i += 2;
        line++;
        continue;
      }
      if (c === '\n' || c === '\r') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      quoted = false;
      afterQuote = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (afterQuote) throw new CsvError(line, 'issue_csvAfterQuote', JSON.stringify(c));
    if (c === '"') {
      if (cell !== '') throw new CsvError(line, 'issue_csvQuoteInField');
      quoted = true;
      i++;
      continue;
    }
    cell += c;
    i++;
  }
  if (quoted && !afterQuote) throw new CsvError(rowLine, 'issue_csvUnclosed');
  if (cell !== '' || cells.length > 0 || quoted) endRow();
  return rows;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes CRLF-terminated rows (RFC 4180), quoting only where needed. */
export function writeCsv(rows: string[][]): string {
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
