/**
 * Build-time analysis of a hints.patterns regex source: a set of lowercase literal "trigger" words such
 * that every match (lookbehind/lookahead context included) contains at least one of them. The runtime
 * skips a pattern whose triggers are all absent from the page, so ~170 patterns do not cost ~170
 * full-text scans. null = no safe trigger found: always run the pattern.
 */

const STOP = new Set(['the', 'and', 'of', 'on', 'in', 'for', 'to', 'an', 'at', 'by', 'or', 'de', 'la', 'le', 'no']);

type Trig = string[] | null;

/** Higher is better: long, non-stopword atoms are rare in ordinary pages. */
function score(t: string[]): number {
  return Math.min(...t.map((w) => (STOP.has(w) ? 0 : w.length)));
}

class Parser {
  i = 0;
  depth = 0;
  /** Mandatory trigger groups of each top-level alternative. */
  readonly top: string[][][] = [];
  constructor(private readonly s: string) {}

  /** Alternatives up to ')' or end: union of the alternatives' triggers, null if any has none. */
  alt(): Trig {
    const parts: Trig[] = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      parts.push(this.seq());
    }
    if (parts.some((p) => p === null)) return null;
    return [...new Set(parts.flat() as string[])];
  }

  /** True when the item just parsed is made optional by the quantifier at the cursor (?, *, {0,…}). */
  private optional(): boolean {
    const s = this.s;
    let opt = false;
    if (s[this.i] === '?' || s[this.i] === '*') {
      opt = true;
      this.i++;
    } else if (s[this.i] === '+') this.i++;
    else if (s[this.i] === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.i));
      if (m) {
        opt = m[1] === '0';
        this.i += m[0].length;
      }
    }
    if (s[this.i] === '?') this.i++; // lazy
    return opt;
  }

  private seq(): Trig {
    const s = this.s;
    const cands: string[][] = [];
    let lit = '';
    const flush = () => {
      if (lit.length >= 2) cands.push([lit.toLowerCase()]);
      lit = '';
    };
    while (this.i < s.length && s[this.i] !== '|' && s[this.i] !== ')') {
      const c = s[this.i]!;
      if (c === '(') {
        flush();
        const head = /^\((\?<?[=!]|\?:|\?<[A-Za-z_]\w*>)?/.exec(s.slice(this.i))!;
        this.i += head[0].length;
        const negative = head[1] === '?!' || head[1] === '?<!';
        this.depth++;
        const inner = this.alt();
        this.depth--;
        this.i++; // ')'
        const opt = this.optional();
        if (!negative && !opt && inner && inner.length) cands.push(inner);
        continue;
      }
      if (c === '[') {
        flush();
        for (this.i++; this.i < s.length && s[this.i] !== ']'; this.i++) if (s[this.i] === '\\') this.i++;
        this.i++;
        this.optional();
        continue;
      }
      if (c === '\\') {
        flush();
        const m = /^\\(?:[pPk]\{[^}]*\}|k<[^>]*>|u\{?[0-9a-fA-F]+\}?|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/.exec(
          s.slice(this.i),
        )!;
        this.i += m[0].length;
        this.optional();
        continue;
      }
      this.i++;
      if (!/[\p{L}\p{N}]/u.test(c)) {
        flush();
        this.optional();
        continue;
      }
      const before = this.i;
      if (this.optional()) {
        flush();
        continue;
      }
      lit += c;
      if (this.i !== before) flush(); // "a+" / "a{2}": the run cannot continue past a repeat
    }
    flush();
    if (this.depth === 0) this.top.push(cands);
    if (!cands.length) return null;
    return cands.reduce((best, t) => (score(t) > score(best) ? t : best));
  }
}

export function patternTrigger(src: string): string[] | null {
  try {
    const p = new Parser(src);
    const t = p.alt();
    return t && t.length ? t : null;
  } catch {
    return null;
  }
}

/**
 * Every mandatory trigger group (AND of ORs): a match contains a word of EACH group. Stronger than
 * patternTrigger() for patterns like "(?<=targets? … and )10\.7": needs "target" and "10". Computed at
 * load time; null = no safe trigger.
 */
export function patternTriggerGroups(src: string): string[][] | null {
  try {
    const p = new Parser(src);
    const t = p.alt();
    if (!t || !t.length) return null;
    if (p.top.length === 1 && p.top[0]!.length) return p.top[0]!;
    return [t];
  } catch {
    return null;
  }
}
