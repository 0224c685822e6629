/**
 * One page session: gets the compiled matcher from the background, scans with it under the current
 * settings, and restarts when settings or the glossary change (no reload needed). Thin wiring over lib/.
 */
import { loadMatcher, type LoadedMatcher, type Prepared } from '@/lib/match/matcher';
import type { PageContext } from '@/lib/match/types';
import { PageScanner } from '@/lib/scan/page-scanner';
import { modeByCategory } from '@/lib/scan/underline';
import { releaseHighlights } from '@/lib/scan/highlight';
import { GLOSSARY_VERSION_KEY, request, type Reply, type TermsReply } from '@/lib/messaging/protocol';
import { defaultSettings, isActiveOn, type Settings, type UnderlineMode } from '@/lib/settings/schema';
import { localSettingsReader, watchLocal } from '@/lib/settings/local-reader';
import type { TextMatch } from '@/lib/scan/hittest';
import { categoryMap } from '@/lib/content/occurrences';
import { globalTimers, type Timers } from '@/lib/scan/timers';
import type { Send } from './ports';
import { hasWords, whenWords } from './text-gate';
import { afterLoad } from './after-load';

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
  /** TermsReply.version of `matcher`, and the latest version the background published. */
  private version: string | null = null;
  private published: string | null = null;
  private restarts = 0;
  private listeners = new Set<(m: TextMatch[]) => void>();
  private glossaryListeners = new Set<() => void>();
  private unwatch: Array<() => void> = [];
  private stopped = false;
  /** The matcher request sent while the page was loading (see start), until ensureMatcher takes it. */
  private prefetched: Promise<Reply<TermsReply>> | null = null;
  /** Cancels the wait for the page's first words (see ./text-gate.ts), while one is pending. */
  private cancelGate: (() => void) | null = null;

  constructor(
    private readonly host: Element,
    private readonly send: Send,
    private readonly timers: Timers = globalTimers,
    /** The scanner's batching window for page changes (lib/scan/watch.ts); its default when unset. */
    private readonly scanDebounceMs?: number,
  ) {}

  /** For good: no scan, no highlights, no settings watch (the app's context ended). */
  stop(): void {
    this.stopped = true;
    this.cancelGate?.();
    const unwatch = this.unwatch;
    this.unwatch = [];
    if (this.scanner) this.scanner.dispose();
    else releaseHighlights([document]); // between two scans (a restart waiting for the matcher)
    this.scanner = null;
    for (const u of unwatch) {
      try {
        u();
      } catch {
        /* the extension's APIs are gone with the context: nothing left to remove */
      }
    }
  }

  async start(): Promise<void> {
    // Nothing of ours runs in the tasks before the page's `load` event (see ./after-load.ts) but two
    // requests: the settings and, when the page already has words (./text-gate.ts), the matcher. Their
    // round trips overlap the wait for `load` instead of following it (issue #17, dense pages).
    const store = localSettingsReader();
    const settings = store.get().catch(() => null);
    if (hasWords(document.documentElement, this.host)) this.prefetched = termsWithRetry(this.send, this.timers);
    await afterLoad(document, this.timers);
    if (this.stopped) return;
    // Storage unavailable: defaults.
    this.settings = (await settings) ?? this.settings;
    if (this.stopped) return;
    const unwatchSettings = store.watch((next) => {
      const prev = this.settings;
      this.settings = next;
      for (const cb of this.settingsListeners) cb(next);
      // Theme, text size, delay and trainer mode only affect the cards: no rescan for those.
      if (scanRelevant(prev) !== scanRelevant(next)) void this.restart();
    });
    // The background publishes the version after a custom-glossary import or delete: a matcher of
    // another version misses the new terms, so fetch it again and rescan.
    const unwatchGlossary = watchLocal(GLOSSARY_VERSION_KEY.slice('local:'.length), (value) => {
      const v = typeof value === 'string' ? value : null;
      this.published = v;
      if (this.stopped || !v || this.version === null || v === this.version) return;
      this.matcher = null;
      this.version = null;
      for (const cb of this.glossaryListeners) cb();
      void this.restart();
    });
    this.unwatch = [unwatchSettings, unwatchGlossary];
    await this.restart();
  }

  /** Called when the glossary changed under the page (cached cards may be out of date). */
  onGlossary(cb: () => void): void {
    this.glossaryListeners.add(cb);
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
    let r = await (this.prefetched ?? termsWithRetry(this.send, this.timers));
    this.prefetched = null;
    // A change published while the request was on its way may not be in this reply: ask once more.
    if (r.ok && this.published && this.published !== r.data.version) r = await termsWithRetry(this.send, this.timers);
    if (!r.ok) {
      this.error = r.error;
      return null;
    }
    try {
      this.matcher = loadMatcher(r.data.matcher);
      this.version = r.data.version;
      this.categories = categoryMap(r.data.matcher);
      this.error = null;
    } catch (e) {
      this.error = `bad matcher: ${e instanceof Error ? e.message : String(e)}`;
    }
    return this.matcher;
  }

  async restart(): Promise<void> {
    const run = ++this.restarts;
    this.scanner?.stop();
    this.scanner = null;
    if (!isActiveOn(this.settings, location.hostname)) {
      this.emit([]);
      return;
    }
    // No matcher request (and none of its heap) until the page has words: frames without text stay cheap.
    if (!this.matcher) {
      this.cancelGate?.();
      const gate = whenWords(document, this.host, this.timers);
      this.cancelGate = gate.cancel;
      const ready = await gate.ready;
      if (this.cancelGate === gate.cancel) this.cancelGate = null;
      if (!ready || this.stopped || run !== this.restarts) return;
    }
    const m = await this.ensureMatcher();
    // A later restart (settings and glossary changing together) owns the scanner: one scanner only.
    if (!m || this.stopped || run !== this.restarts) return;
    const modes = this.settings.categories as Record<string, UnderlineMode | undefined>;
    const categories = Object.entries(modes)
      .filter(([, mode]) => mode !== 'off')
      .map(([c]) => c);
    const opts = { categories, muted: new Set(this.settings.knownTerms) };
    const scanner = new PageScanner<PageContext, Prepared>(document, {
      finder: {
        ...m.blocks,
        resolve: (p, ctx) => m.blocks.resolve(p, ctx, opts),
        resolveAlone: (p) => m.blocks.resolveAlone(p, opts),
      },
      ownHost: this.host,
      onUpdate: (ms) => this.emit(ms),
      timers: this.timers,
      underline: modeByCategory(modes, this.categories),
      ...(this.scanDebounceMs === undefined ? {} : { debounceMs: this.scanDebounceMs }),
    });
    this.scanner = scanner;
    await scanner.start();
  }

  private emit(m: TextMatch[]): void {
    for (const cb of this.listeners) cb(m);
  }
}
