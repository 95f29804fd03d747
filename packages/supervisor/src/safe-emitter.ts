import { EventEmitter } from 'eventemitter3';

interface StoredListener {
  fn: (...args: unknown[]) => unknown;
  context: unknown;
  once: boolean;
}

/**
 * eventemitter3 with one change: a listener that throws is reported (through `onListenerError`)
 * instead of propagating into the emitter's caller, and the remaining listeners still run.
 * It walks eventemitter3 v5's listener store (`_events`), like its own `emit` does.
 */
export class SafeEventEmitter<Events extends EventEmitter.ValidEventTypes> extends EventEmitter<Events> {
  protected onListenerError(_event: string, _error: unknown): void {}

  override emit<T extends EventEmitter.EventNames<Events>>(event: T, ...args: EventEmitter.EventArgs<Events, T>): boolean {
    const store = (this as unknown as { _events: Record<string | symbol, StoredListener | StoredListener[] | undefined> })._events;
    const stored = store[event as string | symbol];
    if (stored === undefined) return false;
    const listeners = Array.isArray(stored) ? [...stored] : [stored];
    for (const listener of listeners) {
      if (listener.once) this.removeListener(event, listener.fn as never, undefined, true);
      try {
        listener.fn.apply(listener.context, args);
      } catch (error) {
        this.onListenerError(String(event), error);
      }
    }
    return true;
  }
}
