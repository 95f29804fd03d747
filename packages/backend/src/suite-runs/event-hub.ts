import type { SuiteRunEvent } from '../contract/suite-run.js';

type Listener = (event: SuiteRunEvent) => void;

/** Listeners per suite run id. A listener that throws does not keep the others from hearing the event (the error is reported). */
export class EventHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  subscribe(id: string, listener: Listener): () => void {
    const set = this.#listeners.get(id) ?? new Set<Listener>();
    this.#listeners.set(id, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(id) === set) this.#listeners.delete(id);
    };
  }

  emit(id: string, event: SuiteRunEvent): void {
    for (const listener of [...(this.#listeners.get(id) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }
}
