import type { HistoryRecorder } from '../history/recorder.js';
import type { LiveTree } from '../history/types.js';
import { now } from '../history/clock.js';
import type { TreeTracker } from './tree-tracker.js';

/** Default /proc sampling period. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 20;

function key(trees: readonly LiveTree[]): string {
  return trees.map((t) => `${t.root}:${t.pids.join(',')}`).join(';');
}

/**
 * Samples the backend trees from /proc on a self-rescheduling timer (samples never overlap) and
 * records a 'proc' event whenever the set of live processes changes.
 */
export class ProcSampler {
  readonly #tracker: TreeTracker;
  readonly #recorder: HistoryRecorder;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #last = '';
  samples = 0;

  constructor(tracker: TreeTracker, recorder: HistoryRecorder, intervalMs = DEFAULT_SAMPLE_INTERVAL_MS) {
    this.#tracker = tracker;
    this.#recorder = recorder;
    this.#intervalMs = intervalMs;
  }

  start(): void {
    this.sampleNow();
    this.#timer = setTimeout(() => this.#tick(), this.#intervalMs);
  }

  /** Takes a sample at once (also used right after a 'spawn' so short lives are seen). */
  sampleNow(): readonly LiveTree[] {
    const trees = this.#tracker.sample();
    this.samples += 1;
    const k = key(trees);
    if (k !== this.#last) {
      this.#last = k;
      this.#recorder.record({ type: 'proc', t: now(), trees });
    }
    return trees;
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.sampleNow();
    this.#timer?.refresh();
  }
}
