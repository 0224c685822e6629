import { describe, it, expect } from 'vitest';
import { keyAction, type KeyContext, type KeyInput } from '@/lib/content/keys';

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
