import { deferred, type Deferred } from './deferred.js';

/** The callers waiting for one outcome (for example the next 'ready'): created on demand, settled once. */
export class Pending<T> {
  #current: Deferred<T> | undefined;

  /** The promise every caller waits on until it settles. */
  wait(): Promise<T> {
    this.#current ??= deferred<T>();
    return this.#current.promise;
  }

  resolve(value: T): void {
    this.#take()?.resolve(value);
  }

  reject(error: unknown): void {
    this.#take()?.reject(error);
  }

  #take(): Deferred<T> | undefined {
    const current = this.#current;
    this.#current = undefined;
    return current;
  }
}
