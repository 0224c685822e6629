/**
 * The content app's side of the card UI bundle (./card-ui-module.ts): its typed interface, and the
 * loader that imports it once on first use. Only types come from the bundle's modules here, so the
 * content script carries none of its code (its gzip budget, README "Layout").
 */
import type { t } from '@/lib/i18n/t';
import type { CardController, CardDeps } from './card-controller';
import type { AppContext } from './context';

/** What the content app calls on the card controller. */
export type CardUi = Pick<
  CardController,
  | 'cards'
  | 'hover'
  | 'top'
  | 'isPinnedAnchor'
  | 'prepareHover'
  | 'dropPending'
  | 'showHover'
  | 'hideHover'
  | 'showAt'
  | 'openPinned'
  | 'togglePin'
  | 'closeTop'
  | 'stepCard'
  | 'refresh'
  | 'present'
  | 'dispose'
>;

/** Everything the card UI starts from. */
export interface UiInit {
  doc: Document;
  ctx: AppContext;
  /** Our element (./host-tag.ts), created by the content app and still empty. */
  host: HTMLElement;
  deps: CardDeps;
  /** The content app's translator, which holds the message table in use. */
  t: typeof t;
}

/** The module card-ui.js exports. */
export interface UiModule {
  createCardUi(init: UiInit): CardUi;
}

/** Loads the module once: one import in flight at a time, retried on the next use after a failure. */
export interface UiLoader {
  /** The module, once loaded. */
  readonly module: UiModule | null;
  load(): Promise<UiModule | null>;
}

/**
 * `importUi`: the import itself (ContentPorts.loadUi). A failure resolves null (nothing is shown, the
 * page is unaffected), is logged once per loader, and the next `load()` tries again.
 */
export function uiLoader(importUi: () => Promise<UiModule>, log: (e: unknown) => void = console.warn): UiLoader {
  let module: UiModule | null = null;
  let inFlight: Promise<UiModule | null> | null = null;
  let logged = false;
  return {
    get module() {
      return module;
    },
    load() {
      if (module) return Promise.resolve(module);
      inFlight ??= importUi()
        .then((m) => {
          if (typeof m?.createCardUi !== 'function') throw new Error('card UI module without createCardUi');
          module = m;
          return m;
        })
        .catch((e: unknown) => {
          inFlight = null;
          if (!logged) log(e);
          logged = true;
          return null;
        });
      return inFlight;
    },
  };
}
