/**
 * The page scanner: walks the page in small time slices (no task of ours may block the main thread
 * for long), matches blocks near the viewport first, paints, indexes matches for hit-testing, and
 * rescans only the subtrees a MutationObserver reports. It reads the page and never writes to it.
 */
import { blockLang, blockOf, insideSkipped, locate, startWalk, walkSome, type Block } from './blocks';
import type { MatchIndex, TextMatch } from './hittest';
import { adoptHighlightStyle, Painter, releaseHighlights } from './highlight';
import { globalTimers, type Timers } from './timers';
import { UnderlineRule, type UnderlineMode } from './underline';

export interface FoundTerm {
  start: number;
  end: number;
  id: string;
}
/**
 * What the scanner matches with (lib/match BlockMatcher): each block is prepared once, the page
 * context is gathered from the prepared blocks, and the same preparations are resolved into terms.
 */
export interface TermFinder<Ctx = unknown, P = unknown> {
  /** `lang`: the block's declared language, for forms gated by page language (lib/match/forms.ts). */
  prepare(text: string, lang?: () => string | undefined): P;
  context(): { add(prepared: P): void; finish(): Ctx };
  resolve(prepared: P, ctx: Ctx): FoundTerm[];
}

export interface ScanStats {
  blocks: number;
  matches: number;
  slices: number;
  maxSliceMs: number;
  scanMs: number;
  rescans: number;
}

export interface ScannerOptions<Ctx, P = unknown> {
  finder: TermFinder<Ctx, P>;
  ownHost?: Element | null;
  /** Time slice budget per task, ms. */
  sliceMs?: number;
  /** Called after every paint with the current matches (popup counts, side panel). */
  onUpdate?: (matches: TextMatch[]) => void;
  /** Debounce for MutationObserver batches, ms. */
  debounceMs?: number;
  /** Characters of page text used for the page-level context (bounded for huge pages). */
  contextChars?: number;
  /** Told of every wait that is not a scheduler yield (the one-frame wait after adopting our style). */
  onIdle?: (from: number, to: number) => void;
  /** Timers, frames and the lifetime of the scan: once `isValid` is false, no slice or rescan runs. */
  timers?: Timers;
  /** Which occurrences of a term are underlined (./underline.ts); every one when omitted. */
  underline?: (termId: string) => UnderlineMode;
}

const now = () => performance.now();

/**
 * A match whose StaticRange is created on first use: on pages with 100k+ matches, eager ranges are
 * most of the scan's garbage, and windowed painting only ever needs a few thousand of them.
 */
class Hit implements TextMatch {
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  readonly nodes: Text[];
  private r: StaticRange | null = null;
  constructor(
    readonly termId: string,
    loc: { startNode: Text; startOffset: number; endNode: Text; endOffset: number; nodes: Text[] },
    readonly ord: number,
  ) {
    this.startNode = loc.startNode;
    this.startOffset = loc.startOffset;
    this.endNode = loc.endNode;
    this.endOffset = loc.endOffset;
    this.nodes = loc.nodes;
  }
  get range(): StaticRange {
    return (this.r ??= new StaticRange({
      startContainer: this.startNode,
      startOffset: this.startOffset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    }));
  }
}

/**
 * Yield to the event loop without the 4 ms clamp of nested setTimeout. Until the document has loaded,
 * a plain posted task: `scheduler.yield()` continuations run ahead of the page's own tasks
 * (https://wicg.github.io/scheduling-apis/#sec-scheduler-yield), so a scan sliced with them ran
 * before the `load` event's dispatch and delayed it by the whole scan (issue #17: +110 ms on a dense
 * page, `dense_load_delay_ms` in `npm run bench`).
 */
function yieldTask(doc: Document): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield && doc.readyState === 'complete') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export class PageScanner<Ctx = unknown, P = unknown> {
  readonly index: MatchIndex = new Map();
  readonly matches = new Set<TextMatch>();
  readonly shadowRoots: ShadowRoot[] = [];
  readonly stats: ScanStats = { blocks: 0, matches: 0, slices: 0, maxSliceMs: 0, scanMs: 0, rescans: 0 };
  private ctx: Ctx | undefined;
  private painter: Painter;
  private ord = 0;
  private observers: MutationObserver[] = [];
  private pending = new Set<Node>();
  private timer: number | null = null;
  private firstPending = 0;
  private generation = 0;
  private rule: UnderlineRule<TextMatch>;
  private readonly opts: Required<Omit<ScannerOptions<Ctx, P>, 'onUpdate' | 'ownHost' | 'onIdle' | 'underline'>> &
    ScannerOptions<Ctx, P>;
  private readonly timers: Timers;

  constructor(
    private readonly doc: Document,
    opts: ScannerOptions<Ctx, P>,
  ) {
    this.opts = { sliceMs: 8, debounceMs: 250, contextChars: 400_000, timers: globalTimers, ...opts };
    this.timers = this.opts.timers;
    this.painter = new Painter(doc, undefined, this.timers);
    this.rule = this.newRule();
  }

  private newRule(): UnderlineRule<TextMatch> {
    return new UnderlineRule<TextMatch>(this.opts.underline ?? (() => 'every'));
  }

  /**
   * Whether `m` is underlined: only those open cards on hover. Every match stays in `matches` and
   * `index` (side panel, trainer focus, explain-selection find them all).
   */
  isUnderlined(m: TextMatch): boolean {
    return this.rule.isUnderlined(m);
  }

  /** Full scan of the document (and open shadow roots met on the way). Resolves when done. */
  async start(): Promise<ScanStats> {
    const gen = ++this.generation;
    const t0 = now();
    this.clear();
    const restyle = adoptHighlightStyle(this.doc);
    const root = this.doc.body ?? this.doc.documentElement;
    const blocks = await this.collect(root, gen);
    if (!this.current(gen)) return this.stats;
    if (!(await this.gather(blocks, gen))) return this.stats;
    // A newly adopted sheet leaves the whole page's style dirty; reading rects now would recompute it
    // inside our task (50 ms on a big page). Let the browser do it in its own rendering step first.
    if (restyle && !(await this.nextFrame(gen))) return this.stats;
    await this.matchBlocks(this.viewportFirst(blocks), gen);
    if (!this.current(gen)) return this.stats;
    // From now on a first occurrence stays where the reader saw it underlined.
    this.rule.settle();
    this.stats.scanMs = now() - t0;
    this.observe(root);
    return this.stats;
  }

  /** Stop observing and remove every highlight we painted. */
  stop(): void {
    this.generation++;
    for (const o of this.observers) o.disconnect();
    this.observers = [];
    this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.clear();
  }

  /** Stop for good: also unregister our highlights and take our stylesheet back from the page. */
  dispose(): void {
    this.stop();
    releaseHighlights([this.doc, ...this.shadowRoots]);
  }

  /** The pass started as `gen` may go on: no newer start or stop, and the owner did not end. */
  private current(gen: number): boolean {
    return gen === this.generation && this.timers.isValid;
  }

  private clear(): void {
    this.index.clear();
    this.matches.clear();
    this.painter.clear();
    this.rule = this.newRule();
  }

  /**
   * Prepare blocks in document order (up to `contextChars` of text) and feed the page context from
   * them; matchBlock() later resolves the same preparations. Sliced like the walk.
   */
  private async gather(blocks: Block[], gen: number): Promise<boolean> {
    const bf = this.opts.finder;
    const acc = bf.context();
    let chars = 0,
      i = 0;
    while (i < blocks.length && chars < this.opts.contextChars) {
      const t = now();
      while (i < blocks.length && chars < this.opts.contextChars && !this.over(t, i, blocks)) {
        const b = blocks[i++]!;
        const prep = bf.prepare(b.text, () => blockLang(b.el));
        b.prep = prep;
        acc.add(prep);
        chars += b.text.length;
      }
      this.tick(t);
      if (i < blocks.length && chars < this.opts.contextChars) {
        await yieldTask(this.doc);
        if (!this.current(gen)) return false;
      }
    }
    this.ctx = acc.finish();
    return true;
  }

  /** Resolves after the next rendering step (or 100 ms in a hidden tab, where frames do not run). */
  private async nextFrame(gen: number): Promise<boolean> {
    const win = this.doc.defaultView;
    const from = now();
    const t = this.timers;
    await new Promise<void>((resolve) => {
      const timer = t.setTimeout(resolve, 100);
      if (win?.requestAnimationFrame)
        t.requestAnimationFrame(() =>
          t.setTimeout(() => {
            t.clearTimeout(timer);
            resolve();
          }, 0),
        );
    });
    this.opts.onIdle?.(from, now());
    return this.current(gen);
  }

  /** Walk `root` in slices, descending into open shadow roots. */
  private async collect(root: Node, gen: number): Promise<Block[]> {
    const blocks: Block[] = [];
    const queue: Node[] = [root];
    while (queue.length) {
      const state = startWalk(queue.shift()!, this.opts.ownHost ?? null, this.ord);
      for (;;) {
        const t = now();
        let more = true;
        while (more && now() - t < this.opts.sliceMs) more = walkSome(state, blocks, 256);
        this.tick(t);
        for (const sr of state.shadowRoots.splice(0)) {
          if (!this.shadowRoots.includes(sr)) {
            this.shadowRoots.push(sr);
            adoptHighlightStyle(sr);
          }
          queue.push(sr);
        }
        this.ord = state.ord;
        if (!more) break;
        await yieldTask(this.doc);
        if (!this.current(gen)) return blocks;
      }
    }
    return blocks;
  }

  /**
   * Blocks on or near the screen first, so what the reader sees is underlined first. Document order is
   * close enough to visual order to binary-search the on-screen stretch with a few dozen rect reads
   * (one read per block cost more than matching a small page); where it is not (fixed headers, hidden
   * blocks), some visible block is merely painted a slice later.
   */
  private viewportFirst(blocks: Block[]): Block[] {
    const h = this.doc.defaultView?.innerHeight ?? 800;
    const top = (i: number) => blocks[i]!.el.getBoundingClientRect();
    // First block whose bottom reaches one screen above the viewport, first whose top is two screens below.
    const search = (pred: (i: number) => boolean) => {
      let lo = 0,
        hi = blocks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pred(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const a = search((i) => top(i).bottom >= -h);
    const b = Math.min(
      search((i) => top(i).top > 2 * h),
      a + 400,
    );
    if (a === 0 || a >= b) return blocks;
    return blocks.slice(a, b).concat(blocks.slice(0, a), blocks.slice(b));
  }

  private async matchBlocks(blocks: Block[], gen: number): Promise<void> {
    let i = 0;
    while (i < blocks.length) {
      const t = now();
      while (i < blocks.length && !this.over(t, i, blocks)) this.matchBlock(blocks[i++]!);
      this.painter.flush(i >= blocks.length);
      this.tick(t);
      if (i < blocks.length) {
        await yieldTask(this.doc);
        if (!this.current(gen)) return;
      }
    }
    this.stats.blocks += blocks.length;
    // Once per pass, not per slice: copying tens of thousands of matches each slice would be O(n²).
    this.opts.onUpdate?.([...this.matches]);
  }

  private matchBlock(b: Block): void {
    const prep = b.prep;
    b.prep = undefined;
    if (!b.segments.length || !b.segments[0]?.node.isConnected) return;
    const bf = this.opts.finder;
    const found = bf.resolve((prep as P | undefined) ?? bf.prepare(b.text, () => blockLang(b.el)), this.ctx as Ctx);
    for (const f of found) {
      const loc = locate(b, f.start, f.end);
      const m: TextMatch = new Hit(f.id, loc, b.ord * 1e5 + f.start);
      this.matches.add(m);
      for (const n of loc.nodes) {
        const list = this.index.get(n);
        if (list) list.push(m);
        else this.index.set(n, [m]);
      }
      const change = this.rule.offer(m);
      if (change.unpaint) this.painter.remove(change.unpaint);
      if (change.paint) this.painter.add(change.paint);
      this.stats.matches++;
    }
  }

  /**
   * Slice budget check before block `i`: the clock is read every 4th block, or after any long block
   * (one block can hold thousands of characters); reading it per block cost more than small blocks.
   */
  private over(t: number, i: number, blocks: Block[]): boolean {
    const check = (i & 3) === 0 || (i > 0 && blocks[i - 1]!.text.length > 500);
    return check && now() - t >= this.opts.sliceMs;
  }

  private tick(t: number): void {
    const ms = now() - t;
    this.stats.slices++;
    if (ms > this.stats.maxSliceMs) this.stats.maxSliceMs = ms;
  }

  // ---- dynamic content ----

  private observe(root: Node): void {
    for (const r of [root, ...this.shadowRoots]) {
      const mo = new MutationObserver((records) => {
        if (this.timers.isValid) this.onMutations(records);
      });
      mo.observe(r, { childList: true, subtree: true, characterData: true });
      this.observers.push(mo);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.opts.ownHost;
    for (const r of records) {
      if (host && (r.target === host || host.contains(r.target))) continue;
      if (r.type === 'characterData') this.pending.add(r.target);
      for (const n of r.addedNodes) if (n !== host) this.pending.add(n);
      if (r.removedNodes.length) this.pending.add(r.target);
    }
    if (!this.pending.size) return;
    // Debounce, but never starve: a page that mutates every 100 ms still gets rescanned each second.
    if (!this.firstPending) this.firstPending = now();
    this.timers.clearTimeout(this.timer);
    const wait = now() - this.firstPending > 1000 ? 0 : this.opts.debounceMs;
    this.timer = this.timers.setTimeout(() => void this.flushMutations(), wait);
  }

  private async flushMutations(): Promise<void> {
    this.timer = null;
    this.firstPending = 0;
    const gen = this.generation;
    const host = this.opts.ownHost ?? null;
    // Rescan whole blocks (a term may span the changed node and its neighbours), and never a region
    // the walk itself skips: typing into a contenteditable element must not get it underlined.
    const roots = [...this.pending]
      .map((n) => (n.nodeType === 3 ? n.parentNode : n))
      .map((n) => (n && n.nodeType === 1 ? blockOf(n as Element) : n))
      .filter((n): n is Node => !!n && n.isConnected && !insideSkipped(n, host));
    this.pending.clear();
    // Drop matches whose text left the page or lies inside a subtree we are about to rescan.
    const top = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    for (const m of [...this.matches]) {
      if (m.nodes.every((n) => n.isConnected) && !top.some((r) => r.contains(m.startNode))) continue;
      this.forget(m);
    }
    for (const r of top) {
      if (r.nodeType !== 1 && r.nodeType !== 11) continue;
      const blocks = await this.collect(r, gen);
      if (!this.current(gen)) return;
      await this.matchBlocks(blocks, gen);
    }
    // A first occurrence that left (or was rescanned away without coming back) passes to the next one.
    for (const m of this.rule.refill(this.matches)) this.painter.add(m);
    this.painter.flush();
    this.stats.rescans++;
    this.opts.onUpdate?.([...this.matches]);
  }

  private forget(m: TextMatch): void {
    this.matches.delete(m);
    this.rule.remove(m);
    this.painter.remove(m);
    for (const n of m.nodes) {
      const list = this.index.get(n);
      if (!list) continue;
      const rest = list.filter((x) => x !== m);
      if (rest.length) this.index.set(n, rest);
      else this.index.delete(n);
    }
  }
}
