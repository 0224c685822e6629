/**
 * The top frame's side of cards for iframes: which <iframe> element a frame's message came from, and
 * where that frame's viewport sits in ours. Same idea as 10ten-ja-reader's src/content/iframes.ts
 * (github.com/birchill/10ten-ja-reader): the WebExtension frame id where the browser can map it
 * (Firefox's runtime.getFrameId), else the frame's address and viewport size; frames inside
 * same-origin frames are searched too, their offsets added up.
 */
import type { FrameRect } from '@/lib/messaging/frame-protocol';

interface Found {
  el: HTMLIFrameElement | HTMLFrameElement;
  /** The frame's viewport origin in the top viewport (its content box: inside border and padding). */
  x: number;
  y: number;
}

function frames(doc: Document, dx: number, dy: number, out: Found[], depth = 0): Found[] {
  if (depth > 8) return out;
  for (const el of Array.from(doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'))) {
    const r = el.getBoundingClientRect();
    const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
    const x = dx + r.left + el.clientLeft + (cs ? parseFloat(cs.paddingLeft) || 0 : 0);
    const y = dy + r.top + el.clientTop + (cs ? parseFloat(cs.paddingTop) || 0 : 0);
    out.push({ el, x, y });
    let inner: Document | null;
    try {
      inner = el.contentDocument; // null (or a throw) for a cross-origin frame
    } catch {
      inner = null;
    }
    if (inner) frames(inner, x, y, out, depth + 1);
  }
  return out;
}

export interface FrameQuery {
  frameId: number;
  src: string;
  view: { w: number; h: number };
  getFrameId?: (el: Element) => number;
}

/** The frame a message came from, or null when it cannot be told (the frame then draws its own card). */
export function findFrame(doc: Document, q: FrameQuery): Found | null {
  const all = frames(doc, 0, 0, []);
  if (q.getFrameId) {
    const byId = all.find((f) => {
      try {
        return q.getFrameId!(f.el) === q.frameId;
      } catch {
        return false;
      }
    });
    if (byId) return byId;
  }
  const bySrc = all.filter((f) => f.el.src === q.src);
  const pool = bySrc.length ? bySrc : all.length === 1 ? all : [];
  // Several candidates: the one whose content box is closest to the frame's own viewport size.
  const off = (f: Found) => Math.abs(f.el.clientWidth - q.view.w) + Math.abs(f.el.clientHeight - q.view.h);
  return pool.sort((a, b) => off(a) - off(b))[0] ?? null;
}

/** `r` (in the frame's viewport) in the top viewport. */
export function toTop(f: { x: number; y: number }, r: FrameRect): DOMRect {
  return new DOMRect(f.x + r.x, f.y + r.y, r.width, r.height);
}
