/**
 * Content-script side of lib/messaging/page-protocol.ts: answers the popup / side panel / background.
 * Only the top frame answers page-wide questions; explainSelection is answered by the focused frame.
 */
import { isActiveOn } from '@/lib/settings/schema';
import { parsePageRequest, type PageResponseMap } from '@/lib/messaging/page-protocol';
import { countTerms, Cursor, occurrencesOf } from '@/lib/content/occurrences';
import { FLASH_NAME, FOCUS_NAME, paintOnly } from '@/lib/scan/highlight';
import type { TextMatch } from '@/lib/scan/hittest';
import { globalTimers, type Timers } from '@/lib/scan/timers';
import type { Session } from './session';

export const FLASH_MS = 1000;

export class PageTools {
  readonly cursor = new Cursor();
  private flashTimer: number | null = null;
  /** Opens the card of an occurrence (the side panel's jump opens it, issue #16). */
  openCard: ((m: TextMatch) => void) | null = null;
  /** The next/previous-term keys (set by the content app, which owns the cards). */
  stepTerm: ((dir: 1 | -1) => PageResponseMap['stepTerm']) | null = null;

  constructor(
    private readonly session: Session,
    private readonly explain: () => string | null,
    private readonly timers: Timers = globalTimers,
  ) {}

  /** No flash left to end (the highlights themselves go with the scanner's). */
  stop(): void {
    this.timers.clearTimeout(this.flashTimer);
    this.flashTimer = null;
  }

  private matches(): TextMatch[] {
    return [...(this.session.scanner?.matches ?? [])];
  }

  occurrences(termId: string): TextMatch[] {
    return occurrencesOf(this.matches(), termId);
  }

  /** Scroll occurrence `index` (default: the next one) into view and flash it for ~1 s. */
  jumpTo(termId: string, index?: number, dir: 1 | -1 = 1, open = false): PageResponseMap['jumpTo'] {
    const occ = this.occurrences(termId);
    if (!occ.length) return null;
    const i = this.cursor.next(termId, occ.length, index, dir);
    const m = occ[i];
    if (!m) return null;
    const el = m.startNode.parentElement;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    // A card is placed at the term's rect: the scroll must be done before it opens.
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce || open ? 'auto' : 'smooth' });
    paintOnly(FLASH_NAME, [m.range]);
    this.timers.clearTimeout(this.flashTimer);
    this.flashTimer = this.timers.setTimeout(() => paintOnly(FLASH_NAME, []), FLASH_MS);
    if (open) this.openCard?.(m);
    return { index: i, count: occ.length };
  }

  focusTerm(termId: string | null): PageResponseMap['focusTerm'] {
    const ranges = termId ? this.occurrences(termId).map((m) => m.range) : [];
    paintOnly(FOCUS_NAME, ranges);
    return { count: ranges.length };
  }

  pageTerms(): PageResponseMap['pageTerms'] {
    const ms = this.matches();
    const reply: PageResponseMap['pageTerms'] = {
      url: location.href,
      active: isActiveOn(this.session.settings, location.hostname),
      terms: countTerms(ms, this.session.categories),
      total: ms.length,
    };
    if (this.session.error) reply.error = this.session.error;
    return reply;
  }

  /** runtime.onMessage listener: a Promise for our messages, undefined for anything else. */
  handle = (msg: unknown): Promise<unknown> | undefined => {
    const req = parsePageRequest(msg);
    if (!req) return undefined;
    const top = window === window.top;
    switch (req.type) {
      case 'explainSelection':
        // Every frame gets the message; only the one the user is in answers.
        if (!document.hasFocus() && !(top && !hasFocusedChildFrame())) return undefined;
        return Promise.resolve({ termId: this.explain() });
      case 'pageTerms':
        return top ? Promise.resolve(this.pageTerms()) : undefined;
      case 'jumpTo':
        return top ? Promise.resolve(this.jumpTo(req.termId, req.index, 1, req.open)) : undefined;
      case 'stepTerm':
        return top && this.stepTerm ? Promise.resolve(this.stepTerm(req.dir)) : undefined;
      case 'focusTerm':
        return top ? Promise.resolve(this.focusTerm(req.termId)) : undefined;
    }
  };
}

function hasFocusedChildFrame(): boolean {
  const a = document.activeElement;
  return !!a && (a.tagName === 'IFRAME' || a.tagName === 'FRAME');
}
