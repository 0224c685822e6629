import { render } from 'preact';
import { computePosition, flip, shift, offset } from '@floating-ui/dom';
import { Popover, POPOVER_CSS, type PopoverState } from '@/components/Popover';
import { hitTest, liveRange, type TextMatch } from '@/lib/scan/hittest';
import { PageScanner } from '@/lib/scan/controller';
import { labelFinder } from '@/lib/scan/scanner';
import { PLACEHOLDER_TERMS } from '@/lib/placeholder-terms';
import type { Reply, TermCard } from '@/lib/messaging/protocol';

export const HOST_TAG = 'migration-lens-host';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync(POPOVER_CSS);
    shadow.adoptedStyleSheets = [style];
    const mount = document.createElement('div');
    shadow.append(mount);
    let attached = false;

    const scanner = new PageScanner(document, { finder: labelFinder(PLACEHOLDER_TERMS), ownHost: host });
    void scanner.start();

    let current: TextMatch | null = null;
    let seq = 0;

    async function show(m: TextMatch) {
      if (!attached) { document.documentElement.append(host); attached = true; }
      const mySeq = ++seq;
      draw({ status: 'loading', termId: m.termId }, m);
      let state: PopoverState;
      try {
        const reply = (await browser.runtime.sendMessage({ type: 'lookup', termId: m.termId })) as Reply<TermCard | null>;
        state = !reply ? { status: 'error', message: 'background did not answer' }
          : !reply.ok ? { status: 'error', message: reply.error }
          : reply.data ? { status: 'ready', card: reply.data } : { status: 'not-found', termId: m.termId };
      } catch (e) {
        state = { status: 'error', message: 'background unreachable' };
      }
      if (mySeq === seq && current === m) draw(state, m);
    }

    function draw(state: PopoverState, m: TextMatch) {
      render(<Popover state={state} />, mount);
      const card = mount.firstElementChild as HTMLElement | null;
      if (!card) return;
      const range = liveRange(m);
      computePosition({ getBoundingClientRect: () => range.getBoundingClientRect() }, card, {
        strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => { card.style.left = `${x}px`; card.style.top = `${y}px`; });
    }

    function hide() {
      current = null;
      seq++;
      render(null, mount);
    }

    document.addEventListener('mousemove', (e) => {
      if (e.target === host) return; // pointer is on our card
      const m = hitTest(scanner.index, document, e.clientX, e.clientY, scanner.shadowRoots);
      if (m === current) return;
      if (!m) return hide();
      current = m;
      void show(m);
    }, { passive: true });
  },
});
