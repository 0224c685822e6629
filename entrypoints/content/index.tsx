import { render } from 'preact';
import { computePosition, flip, shift, offset } from '@floating-ui/dom';
import { Popover, POPOVER_CSS, type PopoverState } from '@/components/Popover';
import { hitTest, liveRange, type TextMatch } from '@/lib/scan/hittest';
import { request } from '@/lib/messaging/protocol';
import { Session, send } from './session';

export const HOST_TAG = 'migration-lens-host';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    if (!document.documentElement || document.contentType.includes('xml')) return;
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync(POPOVER_CSS);
    shadow.adoptedStyleSheets = [style];
    const mount = document.createElement('div');
    shadow.append(mount);
    let attached = false;

    const session = new Session(host);
    void session.start();

    let current: TextMatch | null = null;
    let seq = 0;

    async function show(m: TextMatch) {
      if (!attached) { document.documentElement.append(host); attached = true; }
      const mySeq = ++seq;
      draw({ status: 'loading', termId: m.termId }, m);
      const reply = await request(send, { type: 'lookup', termId: m.termId });
      const state: PopoverState = !reply.ok ? { status: 'error', message: reply.error }
        : reply.data ? { status: 'ready', card: reply.data } : { status: 'not-found', termId: m.termId };
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
      const scanner = session.scanner;
      const m = scanner ? hitTest(scanner.index, document, e.clientX, e.clientY, scanner.shadowRoots) : null;
      if (m === current) return;
      if (!m) return hide();
      current = m;
      void show(m);
    }, { passive: true });
  },
});
