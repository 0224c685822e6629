/**
 * Parse errors carry the source file and 1-based line so a failed build points straight at the
 * offending text instead of at the parser internals.
 */
export class KbParseError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'KbParseError';
    this.file = file;
    this.line = line;
  }
}
