import { describe, it, expect } from 'vitest';
import {
  cardKeyAction,
  isEditable,
  keyAction,
  listKeyIndex,
  type KeyContext,
  type KeyInput,
  termStep,
  TERM_COMMANDS,
} from '@/lib/content/keys';

const k = (key: string, o: Partial<KeyInput> = {}): KeyInput => ({
  key,
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...o,
});
const ctx = (o: Partial<KeyContext> = {}): KeyContext => ({
  cardOpen: true,
  inCard: false,
  editable: false,
  trainer: false,
  anyPinned: false,
  ...o,
});

describe('keyAction', () => {
  it('does nothing without an open card (the page keeps its keys)', () => {
    expect(keyAction(k('Escape'), ctx({ cardOpen: false }))).toBeNull();
    expect(keyAction(k('p'), ctx({ cardOpen: false }))).toBeNull();
  });
  it('Esc closes the top card, even from a field', () => {
    expect(keyAction(k('Escape'), ctx())).toBe('close');
    expect(keyAction(k('Escape'), ctx({ editable: true }))).toBe('close');
  });
  it('P pins, but never while typing in a page field or with Ctrl/Cmd', () => {
    expect(keyAction(k('p'), ctx())).toBe('pin');
    expect(keyAction(k('P'), ctx({ inCard: true }))).toBe('pin');
    expect(keyAction(k('p'), ctx({ editable: true }))).toBeNull();
    expect(keyAction(k('p', { ctrlKey: true }), ctx())).toBeNull();
    expect(keyAction(k('p', { metaKey: true }), ctx())).toBeNull();
  });
  it('Alt+. / Alt+, step only in trainer mode with a pinned card', () => {
    expect(keyAction(k('.', { altKey: true, code: 'Period' }), ctx({ trainer: true, anyPinned: true }))).toBe('next');
    expect(keyAction(k(',', { altKey: true, code: 'Comma' }), ctx({ trainer: true, anyPinned: true }))).toBe('prev');
    expect(keyAction(k('.', { altKey: true, code: 'Period' }), ctx({ trainer: false, anyPinned: true }))).toBeNull();
    expect(keyAction(k('.', { altKey: true, code: 'Period' }), ctx({ trainer: true, anyPinned: false }))).toBeNull();
    expect(keyAction(k('x'), ctx())).toBeNull();
  });
});

describe('cardKeyAction (focus inside a card)', () => {
  const card = (o: Partial<Parameters<typeof cardKeyAction>[1]> = {}) => ({
    trainer: true,
    canGoBack: true,
    editable: false,
    ...o,
  });
  it('N steps forward and Shift+N back, only in trainer mode and without modifiers', () => {
    expect(cardKeyAction(k('n'), card())).toBe('next');
    expect(cardKeyAction(k('N', { shiftKey: true }), card())).toBe('prev');
    expect(cardKeyAction(k('n'), card({ trainer: false }))).toBeNull();
    expect(cardKeyAction(k('n', { ctrlKey: true }), card())).toBeNull();
    expect(cardKeyAction(k('n', { altKey: true }), card())).toBeNull();
    expect(cardKeyAction(k('n', { metaKey: true }), card())).toBeNull();
  });
  it('Backspace goes back only when there is somewhere to go', () => {
    expect(cardKeyAction(k('Backspace'), card({ trainer: false }))).toBe('back');
    expect(cardKeyAction(k('Backspace'), card({ canGoBack: false }))).toBeNull();
  });
  it('does nothing while typing in a field', () => {
    expect(cardKeyAction(k('n'), card({ editable: true }))).toBeNull();
    expect(cardKeyAction(k('Backspace'), card({ editable: true }))).toBeNull();
  });
});

describe('listKeyIndex (related-terms list)', () => {
  it('arrows move with wrap-around, Home and End jump, other keys are not ours', () => {
    expect(listKeyIndex('ArrowDown', 0, 3)).toBe(1);
    expect(listKeyIndex('ArrowRight', 2, 3)).toBe(0);
    expect(listKeyIndex('ArrowUp', 0, 3)).toBe(2);
    expect(listKeyIndex('ArrowLeft', 2, 3)).toBe(1);
    expect(listKeyIndex('Home', 2, 3)).toBe(0);
    expect(listKeyIndex('End', 0, 3)).toBe(2);
    expect(listKeyIndex('Enter', 1, 3)).toBeNull();
    expect(listKeyIndex('Tab', 1, 3)).toBeNull();
  });
});

describe('isEditable', () => {
  it('is true for fields and contenteditable, false for everything else', () => {
    for (const tag of ['input', 'textarea', 'select']) expect(isEditable(document.createElement(tag))).toBe(true);
    const div = document.createElement('div');
    expect(isEditable(div)).toBe(false);
    div.contentEditable = 'true';
    document.body.append(div);
    expect(isEditable(div)).toBe(true);
    div.remove();
    expect(isEditable(null)).toBe(false);
    expect(isEditable(document)).toBe(false);
  });
});

describe('termStep (next-term / previous-term commands)', () => {
  it('first press starts at the first term at or below the top of the viewport', () => {
    expect(termStep(-1, 1, 5, 2)).toBe(2);
    expect(termStep(-1, -1, 5, 2)).toBe(1);
    // Every term above the viewport: next wraps to the first, previous is the last one.
    expect(termStep(-1, 1, 5, 5)).toBe(0);
    expect(termStep(-1, -1, 5, 5)).toBe(4);
  });
  it('then moves one term at a time, wrapping around; nothing to reach on an empty page', () => {
    expect(termStep(2, 1, 5, 0)).toBe(3);
    expect(termStep(4, 1, 5, 0)).toBe(0);
    expect(termStep(0, -1, 5, 0)).toBe(4);
    expect(termStep(7, 1, 5, 3)).toBe(3); // the focused term left the page: start where the reader is
    expect(termStep(-1, 1, 0, 0)).toBe(-1);
  });
  it('each command has its direction', () => {
    expect(TERM_COMMANDS['next-term']).toBe(1);
    expect(TERM_COMMANDS['previous-term']).toBe(-1);
  });
});
