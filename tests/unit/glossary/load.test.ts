import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryBuildError } from '@/lib/pipeline/glossary/errors';
import { lineColumn, locateJsonError } from '@/lib/pipeline/glossary/json-pos';
import { loadGlossarySources, parseGlossaryText } from '@/lib/pipeline/glossary/load';
import { FIXTURE_ROOT, FIXTURES } from './helpers';

describe('loadGlossarySources', () => {
  it('loads every file sorted by name, with the line of each entry', () => {
    const files = loadGlossarySources(join(FIXTURE_ROOT, 'data/glossary'));
    expect(files.map((f) => f.file.split('/').pop())).toEqual(['a-agencies.json', 'b-other.json']);
    expect(files[0]!.entries.map((e) => e.id)).toEqual(['icao', 'iom', 'unwomen']);
    expect(files[0]!.entryLines).toEqual([2, 12, 22]);
  });

  it('reports JSON syntax errors of all files with file, line and column', () => {
    let caught: unknown;
    try {
      loadGlossarySources(join(FIXTURES, 'bad/syntax-error'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GlossaryBuildError);
    const errors = (caught as GlossaryBuildError).errors;
    expect(errors.map((e) => [e.file.split('/').pop(), e.line])).toEqual([
      ['broken.json', 5], // trailing comma: V8 reports the position of "}"
      ['broken2.json', 4], // "tru": V8 gives no position, our scanner finds it
    ]);
    expect(errors[0]!.message).toMatch(/line 5, column 3/);
    expect((caught as Error).message).toContain('broken2.json:4');
  });

  it('rejects a top-level value that is not an array', () => {
    expect(() => loadGlossarySources(join(FIXTURES, 'bad/not-array'))).toThrow(/expected a JSON array/);
  });

  it('names the directory when it cannot be read', () => {
    expect(() => loadGlossarySources(join(FIXTURES, 'no-such-dir'))).toThrow(/no-such-dir/);
    const dir = mkdtempSync(join(tmpdir(), 'gl-'));
    writeFileSync(join(dir, 'x.json'), '[]');
    expect(loadGlossarySources(dir)).toEqual([{ file: join(dir, 'x.json'), entries: [], entryLines: [] }]);
  });
});

describe('json positions', () => {
  it('locates errors that V8 reports without a position', () => {
    const text = '[\n {"a": [1, 2,, 3]}\n]';
    const off = locateJsonError(text);
    expect(text[off]).toBe(',');
    expect(lineColumn(text, off)).toEqual({ line: 2, column: 14 });
    expect(locateJsonError('[{"a": "b\\u00e9", "c": -1.5e3, "d": null}]')).toBe(-1);
  });

  it('parseGlossaryText returns (does not throw) the error', () => {
    const r = parseGlossaryText('x.json', '[\n\n  {"id": }\n]');
    expect('entries' in r).toBe(false);
    expect(r).toMatchObject({ file: 'x.json', line: 3 });
  });
});
