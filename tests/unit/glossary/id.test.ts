import { describe, expect, it } from 'vitest';
import { validateEntries } from '@/lib/custom/validate';
import { ID_MAX_LENGTH, ID_PATTERN, isGlossaryId } from '@/lib/glossary/id';
import { compileMatcher } from '@/lib/match/compile';
import { parseRequest } from '@/lib/messaging/protocol';
import { validateSettingsPatch } from '@/lib/settings/schema';

const longest = 'a'.repeat(ID_MAX_LENGTH);
const GOOD = ['gfmd', 'ilo-c189', '2030-agenda', 'a', '9', 'un-', longest];
const BAD = ['GFMD', 'Gfmd', '-lead', 'bad_id', 'a b', '', 'café', `${longest}a`, 42, null, undefined];

describe('glossary id rule', () => {
  it.each(GOOD)('accepts %j', (id) => expect(isGlossaryId(id)).toBe(true));
  it.each(BAD)('rejects %j', (id) => expect(isGlossaryId(id)).toBe(false));

  it('is the same regex the pattern exports', () => {
    for (const id of GOOD) expect(ID_PATTERN.test(id)).toBe(true);
    for (const id of BAD) if (typeof id === 'string') expect(ID_PATTERN.test(id)).toBe(false);
  });

  it('the matcher compiler refuses an uppercase id, as every validator does', () => {
    const entry = { id: 'GFMD', label: 'GFMD', category: 'process-forum', summary: 'x', related: [], excerpts: [] };
    expect(() => compileMatcher([entry as never])).toThrow(/invalid id/);
    expect(() => compileMatcher([{ ...entry, id: 'gfmd' } as never])).not.toThrow();
  });

  it('every place that takes an id applies it', () => {
    const ctx = { builtinIds: new Set<string>(), existingCustomIds: new Set<string>() };
    const custom = (id: string) =>
      'entries' in
      validateEntries([{ line: 2, entry: 1, value: { id, label: 'Test term', summary: 'A test entry.' } }], ctx);
    const known = (id: string) => {
      const r = validateSettingsPatch({ knownTerms: [id] });
      return 'patch' in r && r.patch.knownTerms?.[0] === id;
    };
    const del = (id: string) => 'req' in parseRequest({ type: 'customDelete', ids: [id] });
    for (const check of [custom, known, del]) {
      expect(check('ilo-c189')).toBe(true);
      expect(check(longest)).toBe(true);
      expect(check('ILO-C189')).toBe(false);
      expect(check(`${longest}a`)).toBe(false);
    }
  });
});
