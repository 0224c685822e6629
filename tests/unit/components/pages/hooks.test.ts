import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { useRequestEffect } from '@/components/pages/hooks';
import { nth } from '../../helpers/nth';

/** A request per `id`, answered by hand through `answer(id, text)`. */
function harness() {
  const pending = new Map<string, (text: string) => void>();
  const started: string[] = [];
  const currents: (() => boolean)[] = [];
  const ask = (id: string) =>
    new Promise<string>((resolve) => {
      started.push(id);
      pending.set(id, resolve);
    });
  function Shown({ id, extra }: { id: string; extra: number }) {
    const [text, setText] = useState('none');
    useRequestEffect(
      (current) => {
        currents.push(current);
        void ask(id).then((t) => current() && setText(t));
      },
      [id],
    );
    return h('p', { 'data-extra': extra }, text);
  }
  const el = document.createElement('div');
  const show = (id: string, extra = 0) => {
    void act(() => render(h(Shown, { id, extra }), el));
  };
  const unmount = () => {
    void act(() => render(null, el));
  };
  const answer = async (id: string, text: string) => {
    await act(async () => {
      pending.get(id)!(text);
      await Promise.resolve();
    });
  };
  return { el, show, unmount, answer, started, currents };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('useRequestEffect', () => {
  it('asks again only when a dependency changes', () => {
    const t = harness();
    cleanup = t.unmount;
    t.show('a');
    t.show('a', 1);
    t.show('a', 2);
    expect(t.started).toEqual(['a']);
    t.show('b');
    expect(t.started).toEqual(['a', 'b']);
  });

  it('drops a reply that arrives after the dependencies moved on', async () => {
    const t = harness();
    cleanup = t.unmount;
    t.show('a');
    t.show('b');
    await t.answer('b', 'reply for b');
    await t.answer('a', 'late reply for a');
    expect(t.el.textContent).toBe('reply for b');
  });

  it('tells a request it is no longer current once the component unmounts', () => {
    const t = harness();
    t.show('a');
    expect(nth(t.currents, 0)()).toBe(true);
    t.unmount();
    expect(nth(t.currents, 0)()).toBe(false);
  });
});
