/**
 * Error shapes of the glossary build. One `GlossaryError` per problem so a curator sees every
 * mistake of a run at once instead of fixing them one throw at a time.
 */

export interface GlossaryError {
  /** Glossary file (as given to the loader; usually relative to the repository root). */
  file: string;
  /** Entry id, when the problem belongs to one entry. */
  id?: string;
  /** Offending field ("aliases[2]", "hints.patterns[0]", "summary"…). */
  field?: string;
  /** 1-based line of the entry (or of the JSON syntax error) in `file`, when known. */
  line?: number;
  message: string;
}

/** "data/glossary/a.json:12 [gfmd] summary: text" — one line per error, grep-friendly. */
export function formatGlossaryError(e: GlossaryError): string {
  const where = e.line !== undefined ? `${e.file}:${e.line}` : e.file;
  const id = e.id !== undefined ? ` [${e.id}]` : '';
  const field = e.field !== undefined ? ` ${e.field}:` : '';
  return `${where}${id}${field} ${e.message}`;
}

/** Thrown by the build when any error was found; `errors` keeps the structured list. */
export class GlossaryBuildError extends Error {
  readonly errors: GlossaryError[];

  constructor(errors: GlossaryError[]) {
    const shown = errors.slice(0, 200).map(formatGlossaryError);
    const more = errors.length > shown.length ? [`… and ${errors.length - shown.length} more`] : [];
    super([`Glossary build failed with ${errors.length} error(s):`, ...shown, ...more].join('\n'));
    this.name = 'GlossaryBuildError';
    this.errors = errors;
  }
}
