/**
 * The content app: scanning (Session), hover intent → cards (./lazy-cards.ts), pin/Esc/P keys, trainer
 * stepping and the presenter key (./presenter.ts), and the page protocol. Any page can host it: the content script, the demo page (content
 * scripts do not run on extension pages) and later the PDF reader, each passing its own ports.
 * The page DOM is never changed; our host joins the page only when a card is first shown.
 * Everything it starts ends with its context (./context.ts): when that is invalidated, the scan, the
 * highlights, the cards, our host element, the listeners and the timers all go.
 */
import { hitTest, type TextMatch } from '@/lib/scan/hittest';
import { request } from '@/lib/messaging/protocol';
import { CardCache } from '@/lib/content/card-cache';
import { HoverIntent, timerClock } from '@/lib/content/hover-intent';
import { isEditable, keyAction } from '@/lib/content/keys';
import { matchAtSelection } from '@/lib/content/occurrences';
import { Presenter } from '@/lib/content/presenter';
import { recordFetcher } from '@/lib/content/record';
import { markDwell } from '@/lib/content/timing';
import { uiLoader } from './card-ui';
import { LazyCards } from './lazy-cards';
import { TermSteps } from './term-steps';
import { frameCards } from './frame-cards';
import { PageTools } from './page-tools';
import { Session } from './session';
import type { ContentPorts } from './ports';
import { contextTimers, listen, type AppContext } from './context';
import { followLanguage } from './language';

/** Start the content app in `document`; it lives until `ctx` is invalidated. */
export function startContentApp(ctx: AppContext, ports: ContentPorts): void {
  if (!document.documentElement || document.contentType.includes('xml') || !ctx.isValid) return;
  const { send, openSearch } = ports;
  const timers = contextTimers(ctx);
  const cache = new CardCache((termId, hint) => request(send, { type: 'lookup', termId, ...hint }));
  const trainer = () => session.settings.trainerMode;

  // The card UI (Preact, views, styles, placement) is a bundle of its own, loaded on first use
  // (./card-ui.ts): the pointer over a term, a keyboard command, a frame's card.
  const cards = new LazyCards(
    document,
    ctx,
    {
      cache,
      fetchRecord: recordFetcher(send),
      trainer,
      hostAttrs: () => ({
        theme: session.settings.theme === 'auto' ? null : session.settings.theme,
        // The trainer preset: large text for a room.
        textSize: trainer() ? 'x-large' : session.settings.textSize === 'normal' ? null : session.settings.textSize,
      }),
      know: (id, known) => {
        // The background applies it to the stored list; the settings watch then restarts the scan in
        // every tab, so the underline goes (or comes back) live.
        void request(send, { type: 'settings', op: known ? 'knowTerm' : 'unknowTerm', termId: id });
      },
      openSearch,
      occurrenceCount: (id) => tools.occurrences(id).length,
      step: (id, dir) => tools.jumpTo(id, undefined, dir)?.index ?? -1,
      occurrence: (id, i) => tools.occurrences(id)[i] ?? null,
      focusAll: (id) => {
        tools.focusTerm(id);
      },
      citeLocation: ports.citeLocation,
      closed: (card) => {
        if (card.anchor && card.anchor === steps.current) steps.clear();
      },
    },
    uiLoader(ports.loadUi),
  );

  const session: Session = new Session(cards.host, send, timers, ports.scanDebounceMs);
  const tools: PageTools = new PageTools(session, () => explainSelection(), timers);
  const steps = new TermSteps(() => session.scanner);
  tools.openCard = (m) => {
    intent.reset();
    cards.openPinned(m, m.termId);
  };
  tools.stepTerm = (dir) => {
    const r = steps.step(dir);
    if (!r) return { termId: null, index: -1, count: 0 };
    tools.openCard?.(r.match);
    return { termId: r.match.termId, index: r.index, count: r.count };
  };
  // The presenter shows the terms the page underlines (a category set to "off" is not presented).
  const presenter = new Presenter(() => {
    const s = session.scanner;
    return s ? [...s.matches].filter((m) => s.isUnderlined(m)) : [];
  });
  const language = followLanguage(send, () => cards.refresh());
  session.onSettings((s) => {
    language(s.language);
    if (!trainer()) presenter.reset();
    cards.refresh();
  });
  session.onGlossary(() => cache.clear());
  if (ports.onMatches) session.onMatches(ports.onMatches);
  void session.start().then(() => language(session.settings.language));

  let dwellAt: number | null = null;
  const intent = new HoverIntent<TextMatch>({
    clock: timerClock(timers),
    showDelayMs: () => session.settings.hoverDelayMs,
    // Prefetch and render the card hidden now, so the show at the delay is a cheap reveal.
    onDwell: (m, seq) => {
      dwellAt = markDwell();
      if (!frames.delegating) cards.prepareHover(m, () => intent.isCurrent(seq));
    },
    onShow: (m, seq, when) => {
      if (!frames.delegating) return cards.showHover(m, dwellAt, when);
      // In a frame the top frame draws the card; when it does not, this frame does, as before.
      void frames.show(m, false).then((ok) => {
        if (!ok && intent.isCurrent(seq)) cards.showHover(m, dwellAt, null);
      });
    },
    onHide: () => {
      frames.hide();
      cards.hideHover();
    },
    onCancel: () => cards.dropPending(),
  });
  const frames = frameCards(window, send, cards, intent);
  // A frame sees no pointer move once the pointer has left it (for the card in the top frame, say).
  if (window !== window.top)
    listen<MouseEvent>(ctx, document, 'mouseout', (e) => {
      if (!e.relatedTarget) intent.move(null, e.clientX, e.clientY);
    });

  const termAt = (x: number, y: number): TextMatch | null => {
    const s = session.scanner;
    return s ? hitTest(s.index, document, x, y, s.shadowRoots, (m) => s.isUnderlined(m)) : null;
  };

  let onCard = false;
  let overTerm: TextMatch | null = null;
  listen<MouseEvent>(
    ctx,
    document,
    'mousemove',
    (e) => {
      if (e.target === cards.host) {
        if (!onCard) {
          onCard = true;
          intent.enterCard();
          frames.pointerOnCard(true);
        }
        return;
      }
      if (onCard) {
        onCard = false;
        intent.leaveCard();
        frames.pointerOnCard(false);
      }
      const m = termAt(e.clientX, e.clientY);
      // Hover intent starts: the card UI loads during the delay (this frame's cards may be the top's).
      // Once per term entered, so a failed load is retried at the next hover, not at every move.
      if (m && m !== overTerm && !frames.delegating) cards.warm();
      overTerm = m;
      // The term of a pinned card needs no hover card on top of it.
      intent.move(m && !cards.isPinnedAnchor(m) ? m : null, e.clientX, e.clientY);
    },
    { passive: true },
  );

  // A click on an underlined term pins its card (the page still gets the click, e.g. a link).
  listen<MouseEvent>(
    ctx,
    document,
    'click',
    (e) => {
      if (e.target === cards.host || e.button !== 0) return;
      const m = termAt(e.clientX, e.clientY);
      if (!m) return;
      intent.reset();
      if (!frames.delegating) return void cards.openPinned(m, m.termId);
      // The top frame pins the hover card it shows for this term, or opens a pinned one.
      void frames.show(m, true).then((ok) => {
        if (!ok) cards.openPinned(m, m.termId);
      });
    },
    { passive: true },
  );

  listen<KeyboardEvent>(
    ctx,
    document,
    'keydown',
    (e) => {
      const pinned = [...cards.cards].reverse().find((c) => c.pinned);
      const action = keyAction(e, {
        cardOpen: cards.cards.length > 0,
        inCard: e.target === cards.host,
        editable: isEditable(e.target),
        trainer: trainer(),
        anyPinned: !!pinned,
      });
      if (!action) return;
      e.preventDefault();
      if (action === 'close') {
        e.stopPropagation(); // our Esc must not also close the page's dialog underneath
        if (cards.top && !cards.top.pinned) intent.reset();
        cards.closeTop();
      } else if (action === 'pin') {
        const t = cards.hover ?? cards.top;
        if (!t) return;
        if (!t.pinned) intent.reset();
        cards.togglePin(t);
      } else if (action === 'present-next' || action === 'present-prev') {
        present(action === 'present-next' ? 1 : -1);
      } else if (pinned) {
        cards.stepCard(pinned, action === 'next' ? 1 : -1);
      }
    },
    { capture: true },
  );

  /** The presenter key: the next term in reading order, scrolled to and flashed, its card docked. */
  function present(dir: 1 | -1): void {
    const r = presenter.step(dir);
    if (!r) return;
    intent.reset();
    const i = tools.occurrences(r.match.termId).indexOf(r.match);
    tools.jumpTo(r.match.termId, Math.max(0, i));
    cards.present(r.match, r.index, r.count);
  }

  function explainSelection(): string | null {
    const s = session.scanner;
    const sel = document.getSelection();
    const m = s ? matchAtSelection(s.index, sel) : null;
    if (!m) return null;
    intent.reset();
    cards.openPinned(m, m.termId);
    return m.termId;
  }

  const unlisten = ports.onMessage((msg: unknown) =>
    ctx.isValid ? (frames.handle(msg) ?? tools.handle(msg)) : undefined,
  );

  ctx.onInvalidated(() => {
    // Step by step: once the context is gone the extension's APIs may throw, and the rest must still go.
    const undo = [() => intent.reset(), () => tools.stop(), () => session.stop(), () => cards.dispose(), unlisten];
    for (const step of undo) {
      try {
        step();
      } catch {
        /* nothing more to undo for this one */
      }
    }
  });
}
