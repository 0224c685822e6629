/**
 * Message keys, typed from the English catalogue (the browser's default locale): a key missing there
 * does not compile. Type-only, so no catalogue is bundled by importing this.
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
/** Keys written as a `_one` / `_other` pair, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_one` ? B : never }[MessageKey];
/** A table of messages with placeholders already resolved to $1…$9 (see ./catalogues.ts). */
export type MessageTable = Readonly<Partial<Record<string, string>>>;
