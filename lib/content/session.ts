/**
 * One page session: gets the compiled matcher from the background, scans with it under the current
 * settings, and restarts when settings change (no reload needed). Thin wiring over lib/.
 */
import { loadMatcher, type LoadedMatcher, type Prepared } from '@/lib/match/matcher';
import type { CompiledMatcher, PageContext } from '@/lib/match/types';
import { PageScanner } from '@/lib/scan/page-scanner';
import { releaseHighlights } from '@/lib/scan/highlight';
import { request, type Reply, type TermsReply } from '@/lib/messaging/protocol';
import { defaultSettings, isActiveOn, type Settings } from '@/lib/settings/schema';
import { settingsStore } from '@/lib/settings/store';
import type { TextMatch } from '@/lib/scan/hittest';
import { categoryMap } from '@/lib/content/occurrences';
import { globalTimers, type Timers } from '@/lib/scan/timers';
import type { Send } from './ports';

/** The worker may be starting up: retry a few times before giving up. */
async function termsWithRetry(send: Send, timers: Timers): Promise<Reply<TermsReply>> {
  let last: Reply<TermsReply> = { ok: false, error: 'no answer' };
  for (const wait of [0, 250, 1000, 3000]) {
    if (wait) await new Promise<void>((r) => timers.setTimeout(r, wait));
    last = await request(send, { type: 'terms' });
    if (last.ok) return last;
  }
  return last;
}

/** The settings that change what is underlined (others only restyle the cards). */
const scanRelevant = (s: Settings) =>
  JSON.stringify([s.enabled, s.siteMode, s.disabledSites, s.allowedSites, s.categories, s.knownTerms]);

export class Session {
  settings: Settings = defaultSettings();
  scanner: PageScanner<PageContext> | null = null;
  matcher: LoadedMatcher | null = null;
  error: string | null = null;
  /** Glossary id → category, from the compiled matcher (popup/side panel "terms on this page"). */
  categories: Map<string, string> = new Map();
  private listeners = new Set<(m: TextMatch[]) => void>();
  private unwatch: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly host: Element,
    private readonly send: Send,
    private readonly timers: Timers = globalTimers,
  ) {}

  /** For good: no scan, no highlights, no settings watch (the app's context ended). */
  stop(): void {
    this.stopped = true;
    const unwatch = this.unwatch;
    this.unwatch = null;
    if (this.scanner) this.scanner.dispose();
    else releaseHighlights([document]); // between two scans (a restart waiting for the matcher)
    this.scanner = null;
    try {
      unwatch?.();
    } catch {
      /* the extension's APIs are gone with the context: nothing left to remove */
    }
  }

  async start(): Promise<void> {
    const store = settingsStore();
    try {
      this.settings = await store.get();
    } catch {
      /* storage unavailable: defaults */
    }
    if (this.stopped) return;
    this.unwatch = store.watch((next) => {
      const prev = this.settings;
      this.settings = next;
      for (const cb of this.settingsListeners) cb(next);
      // Theme, text size, delay and trainer mode only affect the cards: no rescan for those.
      if (scanRelevant(prev) !== scanRelevant(next)) void this.restart();
    });
    await this.restart();
  }

  private settingsListeners = new Set<(s: Settings) => void>();
  onSettings(cb: (s: Settings) => void): void {
    this.settingsListeners.add(cb);
  }

  onMatches(cb: (m: TextMatch[]) => void): void {
    this.listeners.add(cb);
  }

  private async ensureMatcher(): Promise<LoadedMatcher | null> {
    if (this.matcher) return this.matcher;
    const r = await termsWithRetry(this.send, this.timers);
    if (!r.ok) {
      this.error = r.error;
      return null;
    }
    try {
      this.matcher = loadMatcher(r.data.matcher as CompiledMatcher);
      this.categories = categoryMap(r.data.matcher);
      this.error = null;
    } catch (e) {
      this.error = `bad matcher: ${e instanceof Error ? e.message : String(e)}`;
    }
    return this.matcher;
  }

  async restart(): Promise<void> {
    this.scanner?.stop();
    this.scanner = null;
    if (!isActiveOn(this.settings, location.hostname)) {
      this.emit([]);
      return;
    }
    const m = await this.ensureMatcher();
    if (!m || this.stopped) return;
    const categories = Object.entries(this.settings.categories)
      .filter(([, on]) => on)
      .map(([c]) => c);
    const opts = { categories, muted: new Set(this.settings.knownTerms) };
    const scanner = new PageScanner<PageContext, Prepared>(document, {
      finder: { ...m.blocks, resolve: (p, ctx) => m.blocks.resolve(p, ctx, opts) },
      ownHost: this.host,
      onUpdate: (ms) => this.emit(ms),
      timers: this.timers,
    });
    this.scanner = scanner;
    await scanner.start();
  }

  private emit(m: TextMatch[]): void {
    for (const cb of this.listeners) cb(m);
  }
}
