import { BackendHttpError } from '@sentinel/backend/client';
import type { SuiteRunEvent } from '@sentinel/backend/contract';

/** Opens a suite run's event stream (`client.watchSuiteRun`): it reconnects across backend restarts by itself, a `snapshot` first each time. */
export type WatchEvents = (id: string, signal: AbortSignal) => AsyncIterable<SuiteRunEvent>;

export interface SuiteRunRelayOptions {
  readonly watch: WatchEvents;
  /** Called with every event of every watched run. */
  readonly emit: (event: SuiteRunEvent) => void;
  /** A stream that ended with an error (for the logs). @default nothing */
  readonly onError?: (id: string, error: unknown) => void;
}

interface Relay {
  watchers: number;
  abort: AbortController;
  /** True once the stream ended with an error: it is opened again by `resume()`. */
  broken: boolean;
}

/**
 * Relays the backend's suite-run events to the renderer: one stream per watched run, however many
 * views watch it (counted; the stream closes when the last one unwatches, or at the run's `end`).
 * The client's stream reconnects through backend restarts itself; when it gives up (the supervisor
 * failed, a restart took too long), the relay is marked broken and `resume()` opens it again once
 * the backend is back (after Retry), so a watched run is followed to its end.
 */
export class SuiteRunRelay {
  readonly #options: SuiteRunRelayOptions;
  readonly #relays = new Map<string, Relay>();

  constructor(options: SuiteRunRelayOptions) {
    this.#options = options;
  }

  watch(id: string): void {
    const relay = this.#relays.get(id);
    if (relay) {
      relay.watchers += 1;
      return;
    }
    this.#open(id, { watchers: 1, abort: new AbortController(), broken: false });
  }

  unwatch(id: string): void {
    const relay = this.#relays.get(id);
    if (!relay) return;
    relay.watchers -= 1;
    if (relay.watchers > 0) return;
    relay.abort.abort();
    this.#relays.delete(id);
  }

  /** Open again every stream that gave up while its run was still watched (call when the backend is ready). */
  resume(): void {
    for (const [id, relay] of this.#relays) {
      if (relay.broken) this.#open(id, { watchers: relay.watchers, abort: new AbortController(), broken: false });
    }
  }

  /** The runs followed now (for tests and diagnostics). */
  watched(): string[] {
    return [...this.#relays.keys()];
  }

  stopAll(): void {
    for (const relay of this.#relays.values()) relay.abort.abort();
    this.#relays.clear();
  }

  #open(id: string, relay: Relay): void {
    this.#relays.set(id, relay);
    void this.#pump(id, relay);
  }

  async #pump(id: string, relay: Relay): Promise<void> {
    try {
      for await (const event of this.#options.watch(id, relay.abort.signal)) {
        if (relay.abort.signal.aborted) return;
        this.#options.emit(event);
        if (event.type === 'end') break;
      }
      if (this.#relays.get(id) === relay) this.#relays.delete(id); // the run ended (or the stream was closed on purpose)
    } catch (error) {
      if (relay.abort.signal.aborted || this.#relays.get(id) !== relay) return;
      this.#options.onError?.(id, error);
      // An unknown run will not come back; anything else (the backend gone for too long) is resumed.
      if (error instanceof BackendHttpError && error.status === 404) this.#relays.delete(id);
      else relay.broken = true;
    }
  }
}
