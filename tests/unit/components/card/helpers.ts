import { h, render } from 'preact';
import { vi } from 'vitest';
import { Card } from '@/components/card/Card';
import type { CardActions, CardEnv, CardView } from '@/components/card/types';
import { startHistory } from '@/lib/content/history';
import type { TermCard } from '@/lib/messaging/protocol';

export const IOM: TermCard = {
  id: 'iom',
  label: 'IOM',
  expansion: 'International Organization for Migration',
  category: 'agency',
  summary: 'The UN migration agency; leads on migration across humanitarian and development work.',
  excerpts: [
    {
      text: 'The International Organization for Migration (IOM) is the leading global agency on migration.',
      cite: 'CEB 2013, ch. 7 IOM, Mandate, p. 101 ff.',
      recordId: '002:ch7:mandate',
    },
    {
      text: 'He also observed that the GMG was well positioned <b>to provide</b> coherent responses.',
      cite: 'GMG 2013, Migration, para. 1',
      recordId: '000:II:p1',
    },
    {
      text: 'Ms. Michelle Klein Solomon, heading the newly established secretariat of MICIC at IOM.',
      cite: 'GMG 2013, Follow-up, para. 11',
      recordId: '000:VI:p11',
    },
  ],
  related: [
    { id: 'gfmd', label: 'GFMD' },
    { id: 'gmg', label: 'GMG' },
    { id: 'unhcr', label: 'UNHCR' },
  ],
  mandateId: '002:ch7:mandate',
  recommendationIds: ['002:ch7:recommendations:(a)', '002:ch7:recommendations:(b)'],
};

export const GFMD: TermCard = {
  id: 'gfmd',
  label: 'GFMD',
  expansion: 'Global Forum on Migration and Development',
  category: 'forum',
  summary: 'A state-led, informal process that grew out of the 2006 High-level Dialogue.',
  excerpts: [
    { text: 'The GFMD is a State-led process.', cite: 'CEB 2013, ch. 1, Text, para. 3, p. 17 ff.' },
    { text: 'Second GFMD excerpt.', cite: 'GMG 2013, para. 4' },
  ],
  related: [{ id: 'iom', label: 'IOM' }],
};

export function actions(): CardActions & Record<keyof CardActions, ReturnType<typeof vi.fn>> {
  const names: (keyof CardActions)[] = [
    'navigate',
    'back',
    'backTo',
    'togglePin',
    'close',
    'search',
    'know',
    'undoKnow',
    'retry',
    'step',
    'toggleFocusAll',
    'disclose',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as never;
}

export function view(over: Partial<CardView> = {}): CardView {
  return {
    key: 1,
    state: { status: 'ready', card: IOM },
    history: startHistory('iom', 'IOM'),
    pinned: false,
    dialog: false,
    trainer: false,
    known: null,
    occurrences: null,
    ...over,
  };
}

export function mount(v: CardView, on: CardActions = actions(), env: CardEnv = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const draw = (nv: CardView) => render(h(Card, { view: nv, on, env }), root);
  draw(v);
  const q = <T extends Element = HTMLElement>(sel: string) =>
    root.querySelector<T & Element>(sel) as unknown as T | null;
  const qa = (sel: string) => Array.from(root.querySelectorAll<HTMLElement>(sel));
  const click = (sel: string) => {
    const el = q<HTMLElement>(sel);
    if (!el) throw new Error(`no ${sel}`);
    el.click();
  };
  const button = (text: string | RegExp) => {
    const b = qa('button').find((x) =>
      typeof text === 'string' ? x.textContent === text : text.test(x.textContent ?? ''),
    );
    if (!b)
      throw new Error(
        `no button ${String(text)}: ${qa('button')
          .map((x) => x.textContent)
          .join(' | ')}`,
      );
    return b;
  };
  return {
    root,
    q,
    qa,
    click,
    button,
    draw,
    on,
    card: () => q<HTMLElement>('[data-testid=ml-popover]')!,
    text: () => root.textContent ?? '',
  };
}

/** Let Preact commit state updates and run effects (it defers both). */
export const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 20));
};
