/**
 * The page scanner: walks the page in small time slices (no task of ours may block the main thread
 * for long), matches blocks near the viewport first, paints, indexes matches for hit-testing, and
 * rescans only the subtrees its MutationObservers report (lib/scan/watch.ts: observed from before the
 * first pass, so nothing added while that pass runs is missed). It reads the page and never writes to it.
 */
import { blockLang, blockOf, insideSkipped, locate, startWalk, walkSome, type Block } from './blocks';
import type { MatchIndex, TextMatch } from './hittest';
import { adoptHighlightStyle, Painter, releaseHighlights } from './highlight';
import { globalTimers, type Timers } from './timers';
import { Hit, yieldTask } from './hit';
import { viewportFirst } from './viewport';
import { ChangeWatch } from './watch';
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
  /**
   * The block's terms when no page evidence can change them (resolve() would give the same under any
   * page context), else null. Lets the first pass underline the screen before reading the whole page.
   */
  resolveAlone?(prepared: P): FoundTerm[] | null;
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
  /** Told of every wait that is not a scheduler yield (the frame after the first underlines). */
  onIdle?: (from: number, to: number) => void;
  /** Timers, frames and the lifetime of the scan: once `isValid` is false, no slice or rescan runs. */
  timers?: Timers;
  /** Which occurrences of a term are underlined (./underline.ts); every one when omitted. */
  underline?: (termId: string) => UnderlineMode;
}

const now = () => performance.now();

export class PageScanner<Ctx = unknown, P = unknown> {
  readonly index: MatchIndex = new Map();
  readonly matches = new Set<TextMatch>();
  readonly shadowRoots: ShadowRoot[] = [];
  readonly stats: ScanStats = { blocks: 0, matches: 0, slices: 0, maxSliceMs: 0, scanMs: 0, rescans: 0 };
  private ctx: Ctx | undefined;
  private painter: Painter;
  private ord = 0;
  private readonly watch: ChangeWatch;
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
    this.watch = new ChangeWatch({
      ownHost: this.opts.ownHost ?? null,
      debounceMs: this.opts.debounceMs,
      timers: this.timers,
      flush: (nodes) => this.rescan(nodes),
    });
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
    this.watch.disconnect();
    this.clear();
    const root = this.doc.body ?? this.doc.documentElement;
    // Observed before the pass reads anything: what changes during the pass is read right after it.
    this.watch.observe(root);
    for (const sr of this.shadowRoots) this.watch.observe(sr);
    await this.watch.hold(() => this.firstPass(root, gen));
    this.stats.scanMs = now() - t0;
    return this.stats;
  }

  /**
   * Walk, glance, gather, match. The screen's blocks are read first: the ones whose terms need no page
   * evidence (most) are underlined at once, before the whole page is prepared for the context; on a
   * book-length page that put the first underline ~250 ms later (issue #17, `dense_first_underline_ms`).
   */
  private async firstPass(root: Node, gen: number): Promise<void> {
    const blocks = await this.collect(root, gen);
    // Rects are read after a rendering step and before our sheet is adopted: what the page just changed
    // (the PDF reader's new text layers: a 54-70 ms task, `pdf_max_task_added_ms`) or a newly adopted
    // sheet (the whole page's style: 50 ms on a big page) would otherwise be laid out inside our task.
    if (!this.current(gen) || !(await this.nextFrame(gen))) return;
    const { order, screen } = viewportFirst(blocks, this.doc.defaultView?.innerHeight ?? 800);
    adoptHighlightStyle(this.doc);
    // The screen's terms are shown (one rendering step) before the rest of the page is read.
    if (!(await this.glance(screen, gen)) || (this.matches.size && !(await this.nextFrame(gen)))) return;
    if (!(await this.gather(blocks, gen))) return;
    await this.matchBlocks(order, gen);
    // From now on a first occurrence stays where the reader saw it underlined.
    if (this.current(gen)) this.rule.settle();
  }

  /** Stop observing and remove every highlight we painted. */
  stop(): void {
    this.generation++;
    this.watch.disconnect();
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
        const prep = (b.prep ??= bf.prepare(b.text, () => blockLang(b.el))) as P;
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

  /** The on-screen blocks whose terms need no page evidence: placed and painted now (see firstPass). */
  private async glance(blocks: Block[], gen: number): Promise<boolean> {
    const bf = this.opts.finder;
    if (!bf.resolveAlone) return true;
    let i = 0;
    while (i < blocks.length) {
      const t = now();
      while (i < blocks.length && !this.over(t, i, blocks)) {
        const b = blocks[i++]!;
        if (!b.segments[0]?.node.isConnected) continue;
        const prep = (b.prep ??= bf.prepare(b.text, () => blockLang(b.el))) as P;
        const found = bf.resolveAlone(prep);
        if (found) this.place(b, found);
      }
      this.painter.flush();
      this.tick(t);
      if (i < blocks.length) {
        await yieldTask(this.doc);
        if (!this.current(gen)) return false;
      }
    }
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
    // The walk enters shadow roots below `root`, never root's own (a rescanned host added to the page).
    const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
    if (own) this.foundShadow(own, gen, queue);
    while (queue.length) {
      const state = startWalk(queue.shift()!, this.opts.ownHost ?? null, this.ord);
      for (;;) {
        const t = now();
        let more = true;
        while (more && now() - t < this.opts.sliceMs) more = walkSome(state, blocks, 256);
        this.tick(t);
        for (const sr of state.shadowRoots.splice(0)) this.foundShadow(sr, gen, queue);
        this.ord = state.ord;
        if (!more) break;
        await yieldTask(this.doc);
        if (!this.current(gen)) return blocks;
      }
    }
    return blocks;
  }

  private foundShadow(sr: ShadowRoot, gen: number, queue: Node[]): void {
    if (!this.shadowRoots.includes(sr)) {
      this.shadowRoots.push(sr);
      adoptHighlightStyle(sr);
    }
    // Watched from the moment it is found: text its host adds while we walk on is not lost.
    if (this.current(gen)) this.watch.observe(sr);
    queue.push(sr);
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
    if (b.done || !b.segments.length || !b.segments[0]?.node.isConnected) return;
    const bf = this.opts.finder;
    this.place(b, bf.resolve((prep as P | undefined) ?? bf.prepare(b.text, () => blockLang(b.el)), this.ctx as Ctx));
  }

  /** Index, offer to the underline rule and queue for painting one block's terms. */
  private place(b: Block, found: FoundTerm[]): void {
    b.done = true;
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

  /** Read again the blocks around `changed` nodes (lib/scan/watch.ts hands them over in batches). */
  private async rescan(changed: Node[]): Promise<void> {
    const gen = this.generation;
    if (!this.current(gen)) return;
    const host = this.opts.ownHost ?? null;
    // Rescan whole blocks (a term may span the changed node and its neighbours), and never a region
    // the walk itself skips: typing into a contenteditable element must not get it underlined.
    // Two changed nodes often share a block (pdf.js lines of one text layer): read each block once.
    const roots = [
      ...new Set(
        changed
          .map((n) => (n.nodeType === 3 ? n.parentNode : n))
          .map((n) => (n && n.nodeType === 1 ? blockOf(n as Element) : n))
          .filter((n): n is Node => !!n && n.isConnected && !insideSkipped(n, host)),
      ),
    ];
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
