/**
 * Cards of terms in iframes are drawn by the top frame, at the term (issue #16), through the
 * background (lib/messaging/frame-protocol.ts explains why not window.postMessage). In a frame: show
 * and hide go to the top frame, and the top frame's "pointer on the card" news come back to this
 * frame's hover intent. When the top frame does not take a card (no content script of ours there),
 * the frame draws its own, as before, for the rest of the page's life.
 */
import { parseFrameDelivery, type FrameCardMessage } from '@/lib/messaging/frame-protocol';
import { liveRange, type TextMatch } from '@/lib/scan/hittest';
import type { LazyCards } from './lazy-cards';
import { findFrame, toTop } from './frame-find';
import type { Send } from './ports';

export interface FrameCards {
  /** This frame hands its cards to the top frame (not the top frame, and the top has not refused). */
  readonly delegating: boolean;
  /** A frame: ask the top frame to show `m`'s card; resolves false when it did not (draw it here). */
  show(m: TextMatch, pinned: boolean): Promise<boolean>;
  hide(): void;
  /** The top frame: the pointer entered or left our card layer. */
  pointerOnCard(on: boolean): void;
  /** runtime.onMessage: a Promise for a frameCard delivery, undefined for anything else. */
  handle(msg: unknown): Promise<{ ok: boolean }> | undefined;
}

type GetFrameId = (el: Element) => number;

export function frameCards(
  win: Window,
  send: Send,
  cards: LazyCards,
  intent: { enterCard(): void; leaveCard(): void },
): FrameCards {
  const isTop = win === win.top;
  let refused = false;
  /** Top frame: the hover card on screen for a frame (its key and the frame's id). */
  let remote: { key: number; from: number } | null = null;
  /** Top frame: counts show and hide requests, so a show that waited for the card UI yields to a later one. */
  let asked = 0;
  const post = (m: FrameCardMessage) => send(m).catch(() => ({ ok: false }));
  const getFrameId = (globalThis as { browser?: { runtime?: { getFrameId?: GetFrameId } } }).browser?.runtime
    ?.getFrameId;

  return {
    get delegating() {
      return !isTop && !refused;
    },
    async show(m, pinned) {
      if (isTop || refused) return false;
      const r = liveRange(m).getBoundingClientRect();
      const reply = await post({
        type: 'frameCard',
        op: 'show',
        termId: m.termId,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        pinned,
        src: win.location.href,
        view: { w: win.innerWidth, h: win.innerHeight },
      });
      if ((reply as { ok?: unknown } | null)?.ok === true) return true;
      refused = true;
      return false;
    },
    hide() {
      if (!isTop && !refused) void post({ type: 'frameCard', op: 'hide' });
    },
    pointerOnCard(on) {
      if (isTop && remote && cards.cards.some((c) => c.key === remote!.key && !c.pinned))
        void post({ type: 'frameCard', op: on ? 'enter' : 'leave', to: remote.from });
    },
    handle(msg) {
      const m = parseFrameDelivery(msg);
      if (!m) return undefined;
      if (!isTop) {
        // The top frame's news about the card it shows for us.
        if (m.from !== 0) return undefined;
        if (m.op === 'enter') intent.enterCard();
        else if (m.op === 'leave') intent.leaveCard();
        return Promise.resolve({ ok: true });
      }
      const mine = ++asked;
      if (m.op === 'hide') {
        const h = cards.hover;
        if (remote && h?.key === remote.key && remote.from === m.from) cards.hideHover();
        remote = null;
        return Promise.resolve({ ok: true });
      }
      if (m.op !== 'show') return Promise.resolve({ ok: false });
      const f = findFrame(win.document, { frameId: m.from, src: m.src, view: m.view, getFrameId });
      if (!f) return Promise.resolve({ ok: false });
      const rect = toTop(f, m.rect);
      // The card UI may still have to load (the first card of the page); the frame waits for the answer.
      return cards.ready().then((ui) => {
        if (!ui) return { ok: false }; // not loaded here: the frame draws its own card
        if (mine !== asked) return { ok: true }; // hidden or replaced meanwhile
        const card = ui.showAt(m.termId, rect, m.pinned);
        remote = m.pinned ? null : { key: card.key, from: m.from };
        return { ok: true };
      });
    },
  };
}
