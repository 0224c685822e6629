/**
 * Compact serialisation of a MiniSearch index, used for everything we persist (the KB index in the
 * bundle and IndexedDB, the glossary term index in IndexedDB).
 *
 * Why not MiniSearch.toJSON()/loadJS(): its posting lists are objects keyed by numeric strings
 * (`{"17": 2, "18": 1}`), so a cold load pays for JSON.parse building ~90k such properties, then
 * `Object.keys` + `parseInt` + `Map.set` on every one of them again, before the first query can run.
 * That is most of a woken service worker's first-search time. Here:
 * - each term's postings are one short string of variable-length numbers (JSON.parse only copies it);
 * - a term's Maps are built on first use (`LazyTermData`), so a load inserts the terms into the
 *   radix tree and decodes nothing; a query decodes only the terms it touches, once.
 *
 * The loader sets MiniSearch's `protected` state from a subclass, exactly as MiniSearch.loadJS does
 * in the pinned 7.2.0 (node_modules/minisearch/src/MiniSearch.ts, loadJS/instantiateMiniSearch).
 * tests/unit/kb/compact-index.test.ts checks loads against MiniSearch's own (same hits, scores and
 * order, also after add/discard) so an upgrade that changes those internals fails there.
 */
import MiniSearch, { type Options } from 'minisearch';

export const COMPACT_FORMAT = 'ml-index-1';

/** One document: [shortId, id, per-field token counts (null = field absent)] (+ stored fields if any). */
export type CompactDoc =
  [number, string | number, (number | null)[]] | [number, string | number, (number | null)[], Record<string, unknown>];

export interface CompactIndex {
  format: typeof COMPACT_FORMAT;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  docs: CompactDoc[];
  /** Index terms in MiniSearch's own iteration order (kept, so ties rank exactly as before). */
  terms: string[];
  /**
   * Per term (same order), its postings as numbers written with `writeNum`: fieldCount, then per
   * field: fieldId, docCount, then docCount pairs (zigzag shortId delta from the previous doc of
   * this list, term frequency).
   */
  postings: string[];
}

// Numbers as base-2^14 digits, most significant first, in chars U+0020..U+801F: one char for
// anything below 16384 (all our ids and counts), no surrogates, no control characters.
const BASE = 0x4000;
const OFFSET = 0x20;

function writeNum(out: string[], n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`compact index: cannot encode ${n}`);
  const digits = [n % BASE];
  for (let v = Math.floor(n / BASE); v > 0; v = Math.floor(v / BASE)) digits.push(v % BASE);
  for (let k = digits.length - 1; k > 0; k--) out.push(String.fromCharCode(OFFSET + BASE + digits[k]!));
  out.push(String.fromCharCode(OFFSET + digits[0]!));
}

const zigzag = (d: number) => (d >= 0 ? 2 * d : -2 * d - 1);

// Decoder cursor, module-level instead of a closure per term: decoding runs inside queries (first
// touch of a term), where a closure per term measured ~2× slower.
let at = 0;

function readNum(s: string): number {
  let v = 0;
  for (;;) {
    const c = s.charCodeAt(at++) - OFFSET; // NaN past the end
    if (c < BASE) return v * BASE + c;
    if (!(c < 2 * BASE)) throw new TypeError('compact index: malformed or truncated postings');
    v = v * BASE + (c - BASE);
  }
}

const mapSet = Map.prototype.set;

/** Decodes one term's posting string into `into` (fieldId → docId → frequency). Throws if malformed. */
function readPostings(s: string, into: Map<number, Map<number, number>>): void {
  at = 0;
  for (let nf = readNum(s); nf > 0; nf--) {
    const fieldId = readNum(s);
    const freqs = new Map<number, number>();
    let doc = 0;
    for (let n = readNum(s); n > 0; n--) {
      const z = readNum(s);
      doc += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      freqs.set(doc, readNum(s));
    }
    // Map.prototype.set directly: `into` is a LazyTermData whose own set() would try to decode again.
    mapSet.call(into, fieldId, freqs);
  }
  if (at !== s.length) throw new TypeError('compact index: trailing postings data');
}

/** What MiniSearch.toJSON() returns (serialisation version 2), as far as we read it. */
interface MiniSearchJs {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string | number>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, (number | null)[]>;
  averageFieldLength: number[];
  storedFields: Record<string, Record<string, unknown>>;
  dirtCount?: number;
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

/** Build time (or install time): any MiniSearch instance → CompactIndex. Deterministic. */
export function toCompactIndex<T>(ms: MiniSearch<T>): CompactIndex {
  // The public toJSON() is the stable view of the index; only loading needs the internals. The JSON
  // round trip turns holes in field lengths into null, as a MiniSearch.loadJSON round trip would.
  const js = JSON.parse(JSON.stringify(ms)) as MiniSearchJs;
  if (js.serializationVersion !== 2)
    throw new Error(`toCompactIndex: unsupported MiniSearch serialisation ${js.serializationVersion}`);
  const docs: CompactDoc[] = Object.keys(js.documentIds).map((k) => {
    const stored = js.storedFields[k];
    const row: CompactDoc = [Number(k), js.documentIds[k]!, js.fieldLength[k] ?? []];
    return stored && Object.keys(stored).length ? ([...row, stored] as CompactDoc) : row;
  });
  const terms: string[] = [];
  const postings: string[] = [];
  for (const [term, data] of js.index) {
    terms.push(term);
    const out: string[] = [];
    const fields = Object.keys(data);
    writeNum(out, fields.length);
    for (const f of fields) {
      const freqs = data[f]!;
      const ids = Object.keys(freqs);
      writeNum(out, Number(f));
      writeNum(out, ids.length);
      let prev = 0;
      for (const id of ids) {
        const n = Number(id);
        writeNum(out, zigzag(n - prev));
        writeNum(out, freqs[id]!);
        prev = n;
      }
    }
    postings.push(out.join(''));
  }
  return {
    format: COMPACT_FORMAT,
    documentCount: js.documentCount,
    nextId: js.nextId,
    dirtCount: js.dirtCount ?? 0,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    docs,
    terms,
    postings,
  };
}

/**
 * MiniSearch's per-term data (fieldId → docId → frequency), decoded from its posting string on the
 * first call of any Map method. MiniSearch only uses these values through the Map interface.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  private src: string | undefined;
  constructor(src: string) {
    super();
    this.src = src;
  }
  private fill(): void {
    const s = this.src;
    if (s === undefined) return;
    this.src = undefined;
    readPostings(s, this);
  }
  override get(k: number) {
    this.fill();
    return super.get(k);
  }
  override has(k: number) {
    this.fill();
    return super.has(k);
  }
  override set(k: number, v: Map<number, number>) {
    this.fill();
    return super.set(k, v);
  }
  override delete(k: number) {
    this.fill();
    return super.delete(k);
  }
  override clear() {
    this.src = undefined;
    super.clear();
  }
  override forEach(
    cb: (v: Map<number, number>, k: number, m: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ) {
    this.fill();
    super.forEach(cb, thisArg);
  }
  override entries() {
    this.fill();
    return super.entries();
  }
  override keys() {
    this.fill();
    return super.keys();
  }
  override values() {
    this.fill();
    return super.values();
  }
  override [Symbol.iterator]() {
    this.fill();
    return super[Symbol.iterator]();
  }
}
// `size` is an accessor on Map.prototype (TypeScript declares it as a property, so it cannot be
// overridden in the class body).
Object.defineProperty(LazyTermData.prototype, 'size', {
  get(this: LazyTermData) {
    (this as unknown as { fill(): void }).fill();
    return Reflect.get(Map.prototype, 'size', this) as number;
  },
});

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class CompactLoaded<T> extends MiniSearch<T> {
  /** Mirrors MiniSearch.loadJS + instantiateMiniSearch for the compact layout. */
  static fromCompact<T>(c: CompactIndex, options: Options<T>): MiniSearch<T> {
    const ms = new CompactLoaded<T>(options);
    ms._documentCount = c.documentCount;
    ms._nextId = c.nextId;
    ms._dirtCount = c.dirtCount;
    ms._fieldIds = c.fieldIds;
    ms._avgFieldLength = c.averageFieldLength;
    for (const [shortId, id, lengths, stored] of c.docs) {
      ms._documentIds.set(shortId, id);
      ms._idToShortId.set(id, shortId);
      // null = field absent in that document; MiniSearch's own loadJSON round trip stores the same.
      ms._fieldLength.set(shortId, lengths as number[]);
      if (stored) ms._storedFields.set(shortId, stored);
    }
    const { terms, postings } = c;
    for (let k = 0; k < terms.length; k++) ms._index.set(terms[k]!, new LazyTermData(postings[k]!));
    return ms;
  }
}

/**
 * Load a CompactIndex (object or its JSON string) with `options`, which must be the options it was
 * built with (MiniSearch does not store tokenize/processTerm). Throws TypeError on anything else,
 * including an index built with a different field list. Posting strings are checked when decoded.
 */
export function loadCompactIndex<T>(input: unknown, options: Options<T>): MiniSearch<T> {
  const c = (typeof input === 'string' ? JSON.parse(input) : input) as CompactIndex | null;
  if (!c || typeof c !== 'object' || c.format !== COMPACT_FORMAT)
    throw new TypeError(`expected a compact index (format ${COMPACT_FORMAT})`);
  if (
    !Array.isArray(c.docs) ||
    !Array.isArray(c.terms) ||
    !Array.isArray(c.postings) ||
    c.terms.length !== c.postings.length ||
    !Array.isArray(c.averageFieldLength) ||
    !isNum(c.documentCount) ||
    !isNum(c.nextId) ||
    !isNum(c.dirtCount) ||
    !c.fieldIds ||
    typeof c.fieldIds !== 'object'
  )
    throw new TypeError('compact index: malformed header');
  const fields = options.fields;
  if (Object.keys(c.fieldIds).length !== fields.length || fields.some((f) => !isNum(c.fieldIds[f])))
    throw new TypeError(
      `compact index: built for fields ${Object.keys(c.fieldIds).join(',')}, loading with ${fields.join(',')}`,
    );
  return CompactLoaded.fromCompact(c, options);
}
