/**
 * The background's half of lib/messaging/frame-protocol.ts: a frame's card request goes to frame 0 of
 * the same tab, and the top frame's pointer news back to the frame it names. The reply says whether
 * the top frame took the card; when it did not (no content script there: a page we may not script, or
 * the extension is off for it) the frame draws its own card, as before.
 */
import { parseFrameCard } from '../messaging/frame-protocol';

export interface FrameSender {
  tab?: { id?: number };
  frameId?: number;
}

type SendToFrame = (tabId: number, msg: unknown, frameId: number) => Promise<unknown>;

export function relayFrameCard(msg: unknown, sender: FrameSender, send: SendToFrame): Promise<{ ok: boolean }> {
  const m = parseFrameCard(msg);
  const tabId = sender.tab?.id;
  const from = sender.frameId;
  if (!m || tabId === undefined || from === undefined) return Promise.resolve({ ok: false });
  // From a frame: to the top frame only. From the top frame: to the frame it names.
  const target = from === 0 ? m.to : 0;
  if (target === undefined || target === from) return Promise.resolve({ ok: false });
  return send(tabId, { ...m, from }, target).then(
    (r) => ({ ok: (r as { ok?: unknown } | null)?.ok === true }),
    () => ({ ok: false }),
  );
}
