/**
 * The next-term / previous-term keys (issue #16: keyboard-only readers could not reach a term): steps
 * through the underlined terms in reading order, scrolls the one reached into view and rings it with
 * its own Custom Highlight (never a change to the page). The content app opens its card.
 */
import { termStep } from '@/lib/content/keys';
import { inDocumentOrder } from '@/lib/content/occurrences';
import { paintOnly, RING_NAME } from '@/lib/scan/highlight';
import { liveRange, type TextMatch } from '@/lib/scan/hittest';
import type { PageScanner } from '@/lib/scan/page-scanner';

export class TermSteps {
  private at: TextMatch | null = null;

  constructor(private readonly scanner: () => PageScanner<unknown, unknown> | null) {}

  /** The term the keys focused last, while it is still ringed. */
  get current(): TextMatch | null {
    return this.at;
  }

  /** Focus the next (1) or previous (-1) underlined term; null when the page has none. */
  step(dir: 1 | -1): { match: TextMatch; index: number; count: number } | null {
    const s = this.scanner();
    const list = s ? inDocumentOrder([...s.matches].filter((m) => s.isUnderlined(m))) : [];
    const cur = this.at ? list.indexOf(this.at) : -1;
    const i = termStep(cur, dir, list.length, cur >= 0 ? 0 : firstVisible(list));
    const m = list[i];
    if (!m) {
      this.clear();
      return null;
    }
    this.at = m;
    // Instant, not smooth: the card is placed at the term's rect right after.
    m.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
    paintOnly(RING_NAME, [m.range]);
    return { match: m, index: i, count: list.length };
  }

  /** The ringed term's card closed, or the scan restarted: no ring left behind. */
  clear(): void {
    if (!this.at) return;
    this.at = null;
    paintOnly(RING_NAME, []);
  }
}

/** Index of the first match whose box reaches the top of the viewport (binary search on reading order). */
function firstVisible(list: TextMatch[]): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (liveRange(list[mid]!).getBoundingClientRect().bottom >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
