/**
 * What changed on the page since the scanner last read it: one MutationObserver on the document and
 * one on every open shadow root the scanner meets, the changed nodes handed over in batches.
 *
 * Observing starts before the scanner's first pass and a shadow root is observed as soon as the walk
 * finds it: a page (or pdf.js rendering a text layer) that adds text while that pass runs must not be
 * missed. Batches are held while a pass or a rescan runs, so one region is never read by two passes at
 * once, and handed over when it ends.
 */
import type { Timers } from './timers';

export interface WatchOptions {
  /** Our own host element: changes inside it are ours, not the page's. */
  ownHost: Element | null;
  /** Batching window for a page that keeps changing, ms. */
  debounceMs: number;
  timers: Timers;
  /** Read the changed nodes (added nodes, changed text, parents that lost children). */
  flush(nodes: Node[]): Promise<void>;
}

const now = () => performance.now();

export class ChangeWatch {
  private observers: MutationObserver[] = [];
  private readonly observed = new Set<Node>();
  private readonly pending = new Set<Node>();
  private timer: number | null = null;
  private firstPending = 0;
  private lastFlush = -Infinity;
  private held = 0;
  private microtask = false;

  constructor(private readonly opts: WatchOptions) {}

  /** Observe `root` (a document body or a shadow root) for as long as the watch lives. */
  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    const mo = new MutationObserver((records) => {
      if (this.opts.timers.isValid) this.onMutations(records);
    });
    mo.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(mo);
  }

  /** Stop observing and forget every change not read yet. */
  disconnect(): void {
    for (const o of this.observers) o.disconnect();
    this.observers = [];
    this.observed.clear();
    this.pending.clear();
    this.opts.timers.clearTimeout(this.timer);
    this.timer = null;
    this.firstPending = 0;
  }

  /** Run `work` with batches held back; what changed meanwhile is handed over once it ends. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.held++;
    try {
      return await work();
    } finally {
      this.held--;
      this.schedule();
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
    if (this.pending.size && !this.firstPending) this.firstPending = now();
    this.schedule();
  }

  /**
   * A change after a quiet spell is read on the next task; changes during a busy spell are batched, one
   * read per `debounceMs`, and never starved: a page that changes every 100 ms is still read each second.
   * With no batching window (the PDF reader's text layers) a change is read in the same task that made
   * it, once that task's script is done: pdf.js's next long task (rendering a page) must not come first.
   * The read is sliced like any other (lib/scan/page-scanner.ts), so it adds at most one slice.
   */
  private schedule(): void {
    if (this.held || !this.pending.size) return;
    if (this.opts.debounceMs <= 0) {
      if (!this.microtask) {
        this.microtask = true;
        queueMicrotask(() => {
          this.microtask = false;
          void this.run();
        });
      }
      return;
    }
    const t = now();
    const quiet = t - this.lastFlush >= this.opts.debounceMs;
    const wait = quiet || t - this.firstPending > 1000 ? 0 : this.opts.debounceMs;
    this.opts.timers.clearTimeout(this.timer);
    this.timer = this.opts.timers.setTimeout(() => void this.run(), wait);
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.held || !this.pending.size || !this.opts.timers.isValid) return;
    this.lastFlush = now();
    this.firstPending = 0;
    const nodes = [...this.pending];
    this.pending.clear();
    await this.hold(() => this.opts.flush(nodes));
  }
}
