import { EventEmitter } from 'eventemitter3';

type Listener<Args extends readonly unknown[]> = (...args: Args) => void;
type AnyListener = (...args: unknown[]) => void;

/**
 * Typed events with `on`/`once`/`off` public and `emit` protected (only the owner emits). A listener
 * that throws is reported through `onListenerError` instead of reaching the emitting code, and the
 * remaining listeners still run. Built on eventemitter3, whose listener store is walked as its own
 * `emit` does.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: readonly unknown[] }> {
  readonly #emitter = new EventEmitter();

  /** Adds a listener. */
  on<E extends keyof Events & string>(event: E, listener: Listener<Events[E]>): this {
    this.#emitter.on(event, listener as unknown as AnyListener);
    return this;
  }

  /** Adds a listener called once, then removed. */
  once<E extends keyof Events & string>(event: E, listener: Listener<Events[E]>): this {
    this.#emitter.once(event, listener as unknown as AnyListener);
    return this;
  }

  /** Removes a listener (every registration of it for this event). */
  off<E extends keyof Events & string>(event: E, listener: Listener<Events[E]>): this {
    this.#emitter.off(event, listener as unknown as AnyListener);
    return this;
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: keyof Events & string): this {
    this.#emitter.removeAllListeners(event);
    return this;
  }

  /** How many listeners `event` has. */
  listenerCount(event: keyof Events & string): number {
    return this.#emitter.listenerCount(event);
  }

  /** Calls every listener of `event` in order; returns false when there was none. */
  protected emit<E extends keyof Events & string>(event: E, ...args: Events[E]): boolean {
    const stored = (this.#emitter as unknown as { _events: Record<string, StoredListener | StoredListener[] | undefined> })._events[event];
    if (stored === undefined) return false;
    for (const listener of Array.isArray(stored) ? [...stored] : [stored]) {
      if (listener.once) this.#emitter.removeListener(event, listener.fn as never, undefined, true);
      try {
        listener.fn.apply(listener.context, args as unknown as unknown[]);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
    return true;
  }

  /** Called with a listener's exception; the default does nothing. */
  protected onListenerError(_event: string, _error: unknown): void {}
}

/** eventemitter3 v5's listener record (its `emit` walks the same store). */
interface StoredListener {
  readonly fn: (...args: unknown[]) => unknown;
  readonly context: unknown;
  readonly once: boolean;
}
