/**
 * Cards of terms in iframes, drawn by the top frame (issue #16: a card in a 370×70 iframe was clipped
 * to its title). A frame's content script sends `frameCard` to the background, which forwards it with
 * tabs.sendMessage to frame 0 of the sender's tab, stamped with the sender's frameId; the top frame
 * answers and sends pointer news back the same way. Runtime messaging, not window.postMessage: only
 * our own content scripts can send runtime messages, while any script in any frame can post a window
 * message — with postMessage a page could make us show cards at places and times of its choosing.
 */

export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FrameCardOp =
  /** Show the card of `termId` at `rect` (the term, in the sending frame's viewport). */
  | { op: 'show'; termId: string; rect: FrameRect; pinned: boolean; src: string; view: { w: number; h: number } }
  /** The frame's hover ended. */
  | { op: 'hide' }
  /** Top → frame: the pointer entered / left the card shown for that frame. */
  | { op: 'enter' }
  | { op: 'leave' };

/** What a content script sends to the background. `to` (top → frame only) is the frame to tell. */
export type FrameCardMessage = { type: 'frameCard'; to?: number } & FrameCardOp;
/** What the background delivers: `from` is the sending frame's id, set by the background. */
export type FrameCardDelivery = FrameCardMessage & { from: number };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;

function rect(v: unknown): FrameRect | null {
  const r = v as Partial<FrameRect> | null;
  return r && num(r.x) && num(r.y) && num(r.width) && num(r.height)
    ? { x: r.x, y: r.y, width: r.width, height: r.height }
    : null;
}

/** A valid frameCard message (any other value: null). */
export function parseFrameCard(v: unknown): FrameCardMessage | null {
  const m = v as Record<string, unknown> | null;
  if (!m || typeof m !== 'object' || m.type !== 'frameCard') return null;
  const to = m.to === undefined ? undefined : Number.isInteger(m.to) && (m.to as number) > 0 ? (m.to as number) : null;
  if (to === null) return null;
  const base = { type: 'frameCard' as const, ...(to === undefined ? {} : { to }) };
  if (m.op === 'hide' || m.op === 'enter' || m.op === 'leave') return { ...base, op: m.op };
  if (m.op !== 'show') return null;
  const r = rect(m.rect);
  const view = m.view as { w?: unknown; h?: unknown } | null;
  if (!r || typeof m.termId !== 'string' || m.termId.length > 200 || typeof m.src !== 'string') return null;
  if (!view || !num(view.w) || !num(view.h)) return null;
  return {
    ...base,
    op: 'show',
    termId: m.termId,
    rect: r,
    pinned: m.pinned === true,
    src: m.src.slice(0, 2000),
    view: { w: view.w, h: view.h },
  };
}

/** A delivery from the background (the message plus the sender's frame id). */
export function parseFrameDelivery(v: unknown): FrameCardDelivery | null {
  const m = parseFrameCard(v);
  const from = (v as { from?: unknown } | null)?.from;
  return m && Number.isInteger(from) && (from as number) >= 0 ? { ...m, from: from as number } : null;
}
