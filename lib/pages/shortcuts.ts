/**
 * The keyboard shortcuts as the browser has them bound (manifest `commands`, which the reader may
 * rebind or clear in the browser's extension shortcuts page, and which differ per platform): pages show
 * these, never a hard-coded "Alt+Shift+E" (issue #16).
 */

/** Command name → its shortcut as the browser shows it; '' when the command has none ("not set"). */
export type Shortcuts = Record<string, string>;

export async function readShortcuts(): Promise<Shortcuts> {
  const all = await browser.commands.getAll().catch(() => []);
  return Object.fromEntries(all.filter((c) => c.name).map((c) => [c.name!, c.shortcut ?? '']));
}

/** A shortcut for display: its chord, or the words for a command left without one. */
export function shortcutText(shortcuts: Shortcuts, name: string): string {
  const s = shortcuts[name];
  return s ? s : 'not set';
}
