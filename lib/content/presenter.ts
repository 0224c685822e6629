/**
 * The presenter key (trainer mode, issue #16): steps through every term on the page in reading order,
 * one term at a time at its first occurrence, and the content app opens that term's card (docked)
 * and flashes the occurrence. Kept apart from the next/previous-term commands (which visit every
 * underlined occurrence): a presenter shows each term once. Reading order comes from the scanner's
 * matches (lib/content/occurrences.ts inDocumentOrder over the hit-test index's TextMatch objects).
 */
import type { KeyContext, KeyInput } from '@/lib/content/keys';
import { inDocumentOrder, step } from '@/lib/content/occurrences';
import type { TextMatch } from '@/lib/scan/hittest';

/**
 * Alt+Shift+. (next term) and Alt+Shift+, (previous term), in trainer mode, anywhere on the page but in
 * a field. By key code, so layouts where Alt or Shift changes the character (macOS Option) still work.
 * Called by keys.ts keyAction before its other rules (Alt+. without Shift steps occurrences).
 */
export function presenterKey(e: KeyInput, ctx: Pick<KeyContext, 'trainer' | 'editable' | 'inCard'>): 1 | -1 | null {
  if (!ctx.trainer || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  if (ctx.editable && !ctx.inCard) return null;
  if (e.code === 'Period') return 1;
  if (e.code === 'Comma') return -1;
  return null;
}

/** Each term once, at its first occurrence, in reading order. */
export function termsInReadingOrder(matches: Iterable<TextMatch>): TextMatch[] {
  const seen = new Set<string>();
  const out: TextMatch[] = [];
  for (const m of inDocumentOrder(matches)) {
    if (seen.has(m.termId)) continue;
    seen.add(m.termId);
    out.push(m);
  }
  return out;
}

export interface PresenterStep {
  match: TextMatch;
  /** 0-based place among the page's terms. */
  index: number;
  count: number;
}

/** Where the presenter is; the page's matches are read afresh at each step (the page may change). */
export class Presenter {
  private termId: string | null = null;

  constructor(private readonly matches: () => Iterable<TextMatch>) {}

  /** The next (1) or previous (-1) term, wrapping around; null when the page has none. */
  step(dir: 1 | -1): PresenterStep | null {
    const terms = termsInReadingOrder(this.matches());
    const from = this.termId === null ? -1 : terms.findIndex((m) => m.termId === this.termId);
    const index = step(from, dir, terms.length);
    const match = terms[index];
    if (!match) return null;
    this.termId = match.termId;
    return { match, index, count: terms.length };
  }

  /** Trainer mode ended: the next presenter key starts from the first term again. */
  reset(): void {
    this.termId = null;
  }
}
