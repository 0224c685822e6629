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
