import { describe, expect, it } from 'vitest';
import { linkGlossary } from '@/lib/pipeline/glossary/link';
import {
  isAboutOtherSymbol,
  isColonLeadIn,
  isUrlOrDownloadNote,
  sameSentence,
  sentenceTier,
  Tier,
  withoutUrlTail,
} from '@/lib/pipeline/glossary/rank';
import type { KbRecord } from '@/lib/kb/types';
import type { GlossarySource } from '@/lib/glossary/types';
import { fixtureBundle } from './helpers';

// Made-up bodies and texts: the rules must not depend on the real sources.
const zebra: GlossarySource = {
  id: 'zebra',
  label: 'Zebra Accord',
  expansion: 'Zebra Accord on Striped Migrants',
  category: 'instrument',
  summary: 'A made-up treaty for the tests.',
  aliases: ['A/RES/99/1'],
};
const quokka: GlossarySource = {
  id: 'quokka',
  label: 'Quokka Office',
  expansion: 'Quokka Office',
  category: 'agency',
  summary: 'A made-up agency for the tests.',
};
const lynx: GlossarySource = {
  id: 'lynx',
  label: 'Lynx Fund',
  expansion: 'Lynx Fund',
  category: 'agency',
  summary: 'A made-up fund for the tests.',
};
const zagency: GlossarySource = {
  id: 'zagency',
  label: 'Zebra Agency',
  expansion: 'Zebra Agency',
  category: 'agency',
  summary: 'A made-up agency for the tests.',
};

let line = 0;
function rec(id: string, text: string, extra: Partial<KbRecord> = {}): KbRecord {
  line += 10;
  return { id, kind: 'passage', text, citation: { doc: '004', section: 'body', lines: [line, line] }, ...extra };
}

const link = (sources: GlossarySource[], records: KbRecord[]) =>
  new Map(linkGlossary(sources, fixtureBundle(records)).map((e) => [e.id, e]));

describe('rejection rules', () => {
  it('never quotes a web address or download note; a statement before the address may be quoted', () => {
    expect(isUrlOrDownloadNote('The Zebra Accord may be downloaded from the secretariat.')).toBe(true);
    expect(isUrlOrDownloadNote('See the Zebra Accord, available at www.example.org/zebra.pdf.')).toBe(true);
    expect(isUrlOrDownloadNote('Text: https://example.org/zebra')).toBe(true);
    expect(isUrlOrDownloadNote('The Zebra Accord protects striped migrants.')).toBe(false);
    expect(withoutUrlTail('The policy paper may be downloaded from www.example.org/p.pdf.')).toBeUndefined();
    expect(withoutUrlTail('UNZ, "Zebra Accord Guidelines" (Geneva, 2012), available from www.example.org.', true)).toBe(
      undefined,
    );
    expect(
      withoutUrlTail('In 1999 forty States adopted the Zebra Accord (A/RES/99/1), available at www.example.org/z.htm.'),
    ).toBe('In 1999 forty States adopted the Zebra Accord (A/RES/99/1)');

    const onlyUrl = rec('r-url', 'Nothing about it here.', {
      footnotes: [{ marker: '4', text: 'The Zebra Accord may be downloaded from www.example.org/zebra.pdf.', line: 5 }],
    });
    const body = rec('r-body', 'Ministers discussed the Zebra Accord at length.');
    const e = link([zebra], [onlyUrl, body]).get('zebra')!;
    expect(e.excerpts.map((x) => x.recordId)).toEqual(['r-body']);

    const statement = rec('r-stmt', 'Nothing here.', {
      footnotes: [
        {
          marker: '5',
          text: 'In 1999 forty States adopted the Zebra Accord (A/RES/99/1), available at www.example.org/z.htm.',
          line: 6,
        },
      ],
    });
    const x = link([zebra], [statement]).get('zebra')!.excerpts[0]!;
    expect(x.text).toBe('In 1999 forty States adopted the Zebra Accord (A/RES/99/1)');
    expect(x.trimmed).toBe(true);
  });

  it('never quotes a lead-in that ends on a colon', () => {
    expect(isColonLeadIn('The Zebra Accord covers the following areas:')).toBe(true);
    expect(isColonLeadIn('The Zebra Accord covers two areas: pay and rest.')).toBe(false);
    const leadIn = rec('r-lead', 'The Zebra Accord covers the following areas:');
    const plain = rec('r-plain', 'Several ministers praised the Zebra Accord.');
    expect(
      link([zebra], [leadIn, plain])
        .get('zebra')!
        .excerpts.map((x) => x.recordId),
    ).toEqual(['r-plain']);
  });

  it('never shows the same sentence twice on one card', () => {
    expect(sameSentence('The Zebra Accord entered into force.', 'the zebra accord  entered into force')).toBe(true);
    expect(sameSentence('The Zebra Accord entered into force.', 'The Zebra Accord was signed.')).toBe(false);
    const a = rec('r-a', 'The Zebra Accord entered into force in 2001.');
    const b = rec('r-b', 'The Zebra Accord entered into force in 2001. It has forty parties.');
    const c = rec('r-c', 'Observers welcomed the Zebra Accord.');
    const texts = link([zebra], [a, b, c])
      .get('zebra')!
      .excerpts.map((x) => x.text);
    expect(texts).toEqual(['The Zebra Accord entered into force in 2001.', 'Observers welcomed the Zebra Accord.']);
  });

  it('rejects a sentence about another document symbol on a card known by its own symbol', () => {
    expect(
      isAboutOtherSymbol('The meeting implemented A/RES/98/7 and prepared the Zebra Accord.', ['A/RES/99/1']),
    ).toBe(true);
    expect(isAboutOtherSymbol('The Zebra Accord (A/RES/99/1) recalls A/RES/98/7.', ['A/RES/99/1'])).toBe(false);
    expect(isAboutOtherSymbol('The meeting implemented A/RES/98/7 and the Zebra Agency.', [])).toBe(false);
    const other = rec('r-other', 'The meeting implemented A/RES/98/7 by preparing the Zebra Accord.');
    const own = rec('r-own', 'Delegates signed the Zebra Accord in Geneva.');
    expect(
      link([zebra], [other, own])
        .get('zebra')!
        .excerpts.map((x) => x.recordId),
    ).toEqual(['r-own']);
  });
});

describe('ranking', () => {
  it('puts a defining sentence first and passing mentions last', () => {
    const thanks = rec('r-thanks', 'The chair thanked the representatives of the Zebra Agency and the Quokka Office.');
    const list = rec(
      'r-list',
      'The project ran in cooperation with the Quokka Office, the Lynx Fund and the Zebra Agency.',
    );
    const neutral = rec('r-neutral', 'A workshop on striped migrants was hosted by the Zebra Agency in 2010.');
    const defining = rec('r-def', 'The Zebra Agency is an intergovernmental body that protects striped migrants.');
    const e = link([zagency, quokka, lynx], [thanks, list, neutral, defining]).get('zagency')!;
    const ids = linkGlossary([zagency, quokka, lynx], fixtureBundle([thanks, list, neutral, defining]), 4)
      .find((x) => x.id === 'zagency')!
      .excerpts.map((x) => x.recordId);
    expect(e.excerpts[0]!.recordId).toBe('r-def');
    expect(ids.slice(0, 2)).toEqual(['r-def', 'r-neutral']);
    expect(new Set(ids.slice(2))).toEqual(new Set(['r-thanks', 'r-list']));
  });

  it('classifies sentences by where the term sits', () => {
    const tier = (sentence: string, term: string, listed = 0, footnote = false) => {
      const start = sentence.indexOf(term);
      return sentenceTier({ sentence, start, end: start + term.length, listed, footnote });
    };
    expect(tier('The Zebra Agency (ZA) is a body that protects zebras.', 'Zebra Agency')).toBe(Tier.Defining);
    expect(tier('In 2006, the Zebra Agency was established by the Assembly.', 'Zebra Agency')).toBe(Tier.Defining);
    expect(tier('Ms. Doe, representing the Zebra Agency, spoke about pay.', 'Zebra Agency')).toBe(Tier.Weak);
    expect(tier('Ms. Doe noted that the Zebra Agency had grown.', 'Zebra Agency')).not.toBe(Tier.Weak);
    expect(tier('Funds came from the Quokka Office, the Lynx Fund and the Zebra Agency.', 'Zebra Agency', 2)).toBe(
      Tier.Passing,
    );
    expect(tier('Networks such as CityNet, TownLink, the Zebra Agency helped.', 'Zebra Agency')).toBe(Tier.Passing);
    expect(
      tier('Talks included the Zebra Agency (ZA) in 2008, which brought together 400 people.', 'Zebra Agency'),
    ).toBe(Tier.Substantive);
    expect(tier('The delegates thanked the Zebra Agency.', 'Zebra Agency')).toBe(Tier.Passing);
  });

  it("an agency's Mandate excerpt is the mandate statement, never a footnote of the mandate record", () => {
    const za: GlossarySource = {
      ...zagency,
      chapterAgency: 'ZA',
      excerptHints: ['The Zebra Agency was founded in 1899'],
    };
    const mandate: KbRecord = {
      id: '002:ch9:mandate',
      kind: 'mandate',
      text: 'The main aims of the Zebra Agency are to protect striped migrants and to count them.',
      citation: { doc: '002', chapter: 9, agency: 'ZA', section: 'mandate', lines: [1, 2] },
      footnotes: [{ marker: '1', text: 'The Zebra Agency was founded in 1899 after a long war.', line: 3 }],
    };
    const other = rec('r-other2', 'The Zebra Agency has offices in ten countries.');
    const e = link([za], [mandate, other]).get('zagency')!;
    expect(e.mandateId).toBe('002:ch9:mandate');
    expect(e.excerpts[0]).toMatchObject({
      recordId: '002:ch9:mandate',
      text: 'The main aims of the Zebra Agency are to protect striped migrants and to count them.',
    });
    expect(e.excerpts.filter((x) => x.recordId === '002:ch9:mandate')).toHaveLength(1);
  });
});
