/**
 * The one rule for glossary ids, curated and custom alike. Ids are stored in settings (known terms),
 * sent in messages and used as DOM id parts, so every place that accepts one checks this rule.
 * Lowercase only: ids are compared exactly, and "GFMD" next to "gfmd" would be two terms.
 */
export const ID_MAX_LENGTH = 120;

/** Lowercase letters, digits and hyphens, starting with a letter or digit, at most 120 characters. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** Wording for error messages shown to people writing a glossary file. */
export const ID_RULE = `lowercase letters, digits and hyphens, starting with a letter or digit, at most ${ID_MAX_LENGTH} characters`;

export const isGlossaryId = (v: unknown): boolean => typeof v === 'string' && ID_PATTERN.test(v);

/**
 * The second id space: UN document symbols recognised in page text without a glossary entry
 * ("sym:A/RES/65/170", "sym:A/HRC/38/41/Add.1", "sym:S/RES/2240(2015)"; "sym:RES/95/3" for a
 * resolution whose organ the text does not say). The "sym:" prefix cannot start a glossary id, so
 * the two spaces never meet. Strict on purpose: an upper-case series, then up to eight "/" parts of
 * capitals and digits (with one ".n" each, as in CONF.231 or L.66) or an Add./Rev./Corr. suffix,
 * and an optional year in parentheses; no spaces, so the id stays one token wherever it goes. One
 * spelling per symbol: the suffixes only as "Add.", "Rev.", "Corr." (key.ts canonSymbol writes them so).
 */
export const SYMBOL_ID_PATTERN =
  /^sym:[A-Z]{1,6}(?:\/(?:(?!(?:ADD|REV|CORR)\.)[A-Z0-9]{1,6}(?:\.[A-Z0-9]{1,4})?|(?:Add|Rev|Corr)\.\d{1,3})){1,8}(?:\(\d{4}\))?$/;

export const isSymbolId = (v: unknown): boolean => typeof v === 'string' && SYMBOL_ID_PATTERN.test(v);

/** Anything a card can be opened for and a reader can mark as known: a glossary id or a symbol id. */
export const isTermId = (v: unknown): boolean => isGlossaryId(v) || isSymbolId(v);

/** The category of symbol ids (for category filters and the side panel's grouping). */
export const SYMBOL_CATEGORY = 'document';

/**
 * A term's category: its entry's (`categories`: glossary id → category), else "document" for a symbol
 * id (documents have no entry) and "other" for an id no entry knows. The content script, the
 * `recognise` CLI and the bench all ask this of one rule, so they filter and underline alike.
 */
export function categoryOf(id: string, categories: ReadonlyMap<string, string>): string {
  return categories.get(id) ?? (id.startsWith('sym:') ? SYMBOL_CATEGORY : 'other');
}
