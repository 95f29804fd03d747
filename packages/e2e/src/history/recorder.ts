import type { CheckedConfig, History, HistoryEvent } from './types.js';
import { now } from './clock.js';

type Listener = (event: HistoryEvent) => void;

/** Appends timestamped events in arrival order; listeners see each event as it is recorded. */
export class HistoryRecorder {
  readonly #events: HistoryEvent[] = [];
  readonly #listeners = new Set<Listener>();
  readonly startedAt = now();

  record(event: HistoryEvent): void {
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
  }

  get events(): readonly HistoryEvent[] {
    return this.#events;
  }

  /** Calls `listener` for every future event; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A frozen history, events sorted by timestamp (stable for ties). */
  finish(seed: number, config: CheckedConfig): History {
    const events = this.#events
      .map((event, order) => ({ event, order }))
      .sort((a, b) => a.event.t - b.event.t || a.order - b.order)
      .map(({ event }) => event);
    return { seed, startedAt: this.startedAt, endedAt: now(), config, events };
  }
}
