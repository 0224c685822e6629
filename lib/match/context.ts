/**
 * Lazy, incremental page context. pageContext(text) used to be one full candidate pass over the whole
 * page in a single task (hundreds of ms on big pages). Now it returns at once; the evidence is computed
 * chunk by chunk, either driven in time slices by the scanner (step(deadline)) or, for callers that
 * just read a field (CLI, tests), synchronously on first read. Chunks overlap by OVERLAP characters so
 * a name that straddles a cut is still seen whole (ids are a set: seeing it twice is harmless).
 */
import type { PageContext } from './types';

export const CHUNK = 8000;
const OVERLAP = 300;

export interface ContextDeps {
  /** Ids of unambiguous candidates in one normalised chunk. */
  ids(norm: string, into: Set<string>): void;
  /** Lowercase domain words and trigger words to look for. */
  dom: readonly string[];
  trig: readonly string[];
  threshold: number;
}

const LETTER = /\p{L}/u;
const isL = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);

/** `w` occurs in `hay` as a whole run of letters (as /\p{L}+/ would split it). */
function hasLetterWord(hay: string, w: string): boolean {
  for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
    if (!isL(hay[i - 1]) && !isL(hay[i + w.length])) return true;
  }
  return false;
}

export class LazyContext implements PageContext {
  private pos = 0;
  private readonly idSet = new Set<string>();
  private readonly words = new Set<string>();
  /** Trigger words (patterns, families) present somewhere on the page. */
  readonly present = new Set<string>();
  private idList: string[] | null = null;
  private lower: string | null = null;

  constructor(private readonly norm: string, private readonly deps: ContextDeps) {}

  get finished(): boolean { return this.pos >= this.norm.length; }

  /** Process chunks until `deadline()` is true or the text is done; returns true when done. */
  step(deadline: () => boolean): boolean {
    const { norm, deps } = this;
    while (this.pos < norm.length && !deadline()) {
      let end = Math.min(norm.length, this.pos + CHUNK);
      if (end < norm.length) {
        const nl = norm.indexOf('\n', end);
        if (nl >= 0 && nl - end < 2000) end = nl;
      }
      const chunk = norm.slice(this.pos === 0 ? 0 : Math.max(0, this.pos - OVERLAP), end);
      deps.ids(chunk, this.idSet);
      const lo = chunk.toLowerCase();
      for (const w of deps.dom) if (!this.words.has(w) && hasLetterWord(lo, w)) this.words.add(w);
      for (const w of deps.trig) if (!this.present.has(w) && lo.includes(w)) this.present.add(w);
      this.pos = end;
    }
    return this.finished;
  }

  private done(): this {
    if (!this.finished) this.step(() => false);
    return this;
  }

  get ids(): string[] { this.done(); return (this.idList ??= [...this.idSet]); }
  hasId(id: string): boolean { this.done(); return this.idSet.has(id); }
  get score(): number { this.done(); return this.idSet.size + this.words.size; }
  get domain(): boolean { return this.score >= this.deps.threshold; }
  get text(): string { return (this.lower ??= this.norm.toLowerCase()); }
}

/** Scanner-side duck typing: a context that can be advanced in time slices. */
export function isIncremental(x: unknown): x is { step(deadline: () => boolean): boolean } {
  return !!x && typeof (x as { step?: unknown }).step === 'function';
}
