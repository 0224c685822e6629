/**
 * A message with Preact nodes in its placeholders: `tNodes('popup_highlightOn', <strong>{host}</strong>)`.
 * The translation decides where the node goes, so no sentence is assembled from fragments.
 */
import type { ComponentChildren } from 'preact';
import type { MessageKey } from './keys';
import { t } from './t';

const MARK = '\u0000';

export function tNodes(key: MessageKey, ...parts: ComponentChildren[]): ComponentChildren {
  const text = t(key, ...parts.map((_, i) => `${MARK}${i}${MARK}`));
  const chunks = text.split(new RegExp(`${MARK}(\\d+)${MARK}`));
  return <>{chunks.map((c, i) => (i % 2 ? parts[Number(c)] : c))}</>;
}
