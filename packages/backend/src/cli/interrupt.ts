/**
 * What Ctrl-C does: the first SIGINT (or SIGTERM, as a CI runner sends on cancel) stops starting
 * cases and lets the ones in flight finish and be recorded; the second cuts the model calls in
 * flight; a third exits at once.
 */
export class Interrupt {
  /** Aborted by the second signal: the suite runner's signal, which cuts the calls in flight. */
  readonly hardStop = new AbortController();
  #stopping = false;
  #onStop: (() => void) | undefined;

  get stopping(): boolean {
    return this.#stopping;
  }

  /** Called once, at the first signal. */
  onStop(listener: () => void): void {
    this.#onStop = listener;
    if (this.#stopping) listener();
  }

  /** Handles one signal; returns what it did, for the notice shown. */
  signal(): 'stopping' | 'cutting' | 'exit' {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#onStop?.();
      return 'stopping';
    }
    if (!this.hardStop.signal.aborted) {
      this.hardStop.abort();
      return 'cutting';
    }
    return 'exit';
  }
}
