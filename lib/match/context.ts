/**
 * Lazy, incremental page context. One full candidate pass over a big page in a single task takes
 * hundreds of ms, so pageContext(text) returns at once and the evidence is computed chunk by chunk, either driven in time slices by the scanner (step(deadline)) or, for callers that
 * just read a field (CLI, tests), synchronously on first read. Chunks overlap by OVERLAP characters so
 * a name that straddles a cut is still seen whole (ids are a set: seeing it twice is harmless).
 */
import type { PageContext } from './types';
import { escapeRe, WordSet } from './words';

export const CHUNK = 8000;
const OVERLAP = 300;

export interface ContextDeps {
  /** Ids of unambiguous candidates in one normalised chunk; `named`: those named by a multi-word form. */
  ids(norm: string, into: Set<string>, named: Set<string>): void;
  /** Lowercase domain words and trigger words to look for. */
  dom: readonly string[];
  trig: readonly string[];
  /** The matcher's automaton for `trig`, if it has one (built otherwise, and only when needed). */
  triggers?: WordSet;
  threshold: number;
}

interface WordRegexes {
  dom: RegExp | null;
  trig: WordSet | null;
}
const cache = new WeakMap<object, WordRegexes>();

/** Domain words as whole runs of letters; trigger words as substrings (WordSet, built on first use). */
function wordRegexes(deps: Pick<ContextDeps, 'dom' | 'trig'>): WordRegexes {
  let r = cache.get(deps);
  if (!r) {
    const dom = [...deps.dom]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
    r = { dom: dom ? new RegExp(`(?<!\\p{L})(?:${dom})(?!\\p{L})`, 'gu') : null, trig: null };
    cache.set(deps, r);
  }
  return r;
}

/** Evidence shared by both ways of feeding it: ids, domain words and trigger words seen so far. */
abstract class Evidence implements PageContext {
  protected readonly idSet = new Set<string>();
  /** Entries the page names by a multi-word form ("International Organization for Migration"). */
  protected readonly namedSet = new Set<string>();
  private readonly words = new Set<string>();
  /**
   * Trigger words (patterns, families) present somewhere on the page: collected by LazyContext only,
   * whose find() callers skip families on it (matcher.ts triggered()). The scanner's BlockContext is
   * never asked, and collecting them cost it about a third of its time on the bench pages (issue #17).
   */
  readonly present = new Set<string>();
  private idList: string[] | null = null;

  constructor(protected readonly deps: Pick<ContextDeps, 'dom' | 'trig' | 'triggers' | 'threshold'>) {}

  abstract get finished(): boolean;
  protected abstract done(): void;
  protected abstract lowerText(): string;

  /**
   * Domain and trigger words of one lowercased stretch of page text: one regex pass per word list
   * (one indexOf pass per word would be ~80 passes over the page).
   */
  protected absorb(lo: string, triggers: boolean): void {
    const re = wordRegexes(this.deps);
    if (re.dom && this.words.size < this.deps.dom.length) {
      re.dom.lastIndex = 0;
      for (let m = re.dom.exec(lo); m; m = re.dom.exec(lo)) this.words.add(m[0]);
    }
    if (triggers && this.present.size < this.deps.trig.length)
      (this.deps.triggers ?? (re.trig ??= new WordSet(this.deps.trig))).collect(lo, this.present);
  }

  get ids(): string[] {
    this.done();
    return (this.idList ??= [...this.idSet]);
  }
  hasId(id: string): boolean {
    this.done();
    return this.idSet.has(id);
  }
  /** The page names the entry in full (not only by an acronym). */
  named(id: string): boolean {
    this.done();
    return this.namedSet.has(id);
  }
  get score(): number {
    this.done();
    return this.idSet.size + this.words.size;
  }
  get domain(): boolean {
    return this.score >= this.deps.threshold;
  }
  get text(): string {
    return this.lowerText();
  }
}

export class LazyContext extends Evidence {
  private pos = 0;
  private lower: string | null = null;

  constructor(
    private readonly norm: string,
    protected override readonly deps: ContextDeps,
  ) {
    super(deps);
  }

  get finished(): boolean {
    return this.pos >= this.norm.length;
  }

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
      deps.ids(chunk, this.idSet, this.namedSet);
      this.absorb(chunk.toLowerCase(), true);
      this.pos = end;
    }
    return this.finished;
  }

  protected done(): void {
    if (!this.finished) this.step(() => false);
  }

  protected lowerText(): string {
    return (this.lower ??= this.norm.toLowerCase());
  }
}

/**
 * Page evidence gathered block by block from candidates the scanner computed anyway (see
 * LoadedMatcher.prepare): the page's text is matched once, not once for the evidence and again for
 * the terms. `finish()` ends the gathering; reads before it see what has been added so far.
 */
export class BlockContext extends Evidence {
  private parts: string[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private lower: string | null = null;
  private closed = false;

  get finished(): boolean {
    return this.closed;
  }

  /**
   * One block: its normalised text and the ids of its unambiguous candidates. Word evidence is read in
   * batches of about CHUNK characters: ~80 indexOf calls per small block cost more than its matching.
   */
  add(norm: string, ids: Iterable<string>, named: Iterable<string> = []): void {
    for (const id of ids) this.idSet.add(id);
    for (const id of named) this.namedSet.add(id);
    this.pending.push(norm);
    this.pendingChars += norm.length;
    if (this.pendingChars >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    const lo = this.pending.join('\n').toLowerCase();
    this.absorb(lo, false);
    this.parts.push(lo);
    this.pending = [];
    this.pendingChars = 0;
    this.lower = null;
  }

  finish(): this {
    this.flush();
    this.closed = true;
    return this;
  }
  protected done(): void {
    this.flush();
  }
  protected lowerText(): string {
    this.flush();
    if (this.lower === null) {
      // The joined copy replaces the parts: a book-length page kept both, a second megabyte (issue #17).
      this.lower = this.parts.join('\n');
      this.parts = [this.lower];
    }
    return this.lower;
  }
}

/** Scanner-side duck typing: a context that can be advanced in time slices. */
export function isIncremental(x: unknown): x is { step(deadline: () => boolean): boolean } {
  return !!x && typeof (x as { step?: unknown }).step === 'function';
}
