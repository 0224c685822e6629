/**
 * The card UI bundle's entry (card-ui.js, built by lib/pipeline/card-ui-bundle.ts): Preact, the card
 * views, their styles, floating-ui placement, the trainer dock and the card controller. The content
 * script loads it on first use (./card-ui.ts), so a page never hovered never parses it.
 * Everything crosses the boundary through `createCardUi`: the bundle has its own copies of the modules
 * both sides import, so no module state may be shared implicitly. The message table is the one such
 * state (lib/i18n/t.ts): this copy forwards every message to the content app's `t`.
 */
import { forwardMessages } from '@/lib/i18n/t';
import { CardController } from './card-controller';
import type { CardUi, UiInit } from './card-ui';

export function createCardUi(init: UiInit): CardUi {
  forwardMessages(init.t);
  return new CardController(init.doc, init.ctx, init.deps, init.host);
}
