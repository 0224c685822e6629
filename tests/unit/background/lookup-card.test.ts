import { describe, expect, it } from 'vitest';
import { toTermCard } from '@/lib/background/lookup';
import type { GlossaryEntry } from '@/lib/glossary/types';

const entry = (id: string, related: string[] = [], relatedShown?: number): GlossaryEntry => ({
  id,
  label: id.toUpperCase(),
  expansion: id,
  category: 'other',
  summary: 'A made-up entry.',
  related,
  excerpts: [],
  ...(relatedShown === undefined ? {} : { relatedShown }),
});

describe('toTermCard related', () => {
  const ids = Array.from({ length: 14 }, (_, i) => `r${i}`);
  const all = new Map([...ids.map((id) => [id, entry(id)] as const)]);

  it("passes the build's relatedShown to the card", () => {
    const card = toTermCard(entry('x', ids, 10), (id) => all.get(id), new Map());
    expect(card.related).toHaveLength(14);
    expect(card.relatedShown).toBe(10);
  });

  it('drops relatedShown when unresolved ids leave no more than that many', () => {
    const card = toTermCard(entry('x', ids, 10), (id) => (id < 'r3' ? all.get(id) : undefined), new Map());
    expect(card.related.map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r10', 'r11', 'r12', 'r13']);
    expect(card.relatedShown).toBeUndefined();
  });
});
