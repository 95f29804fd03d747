import { PassThrough } from 'node:stream';

/**
 * One output stream of a utility process, relayed into a stream the supervisor owns.
 *
 * Electron hands out its own PassThrough for stdout and stderr and, right after emitting 'exit',
 * calls `removeAllListeners()` on it and forgets it (`lib/browser/api/utility-process.ts`). The
 * pipe from the child keeps feeding that PassThrough, so the child's last lines, written just
 * before it died and read after 'exit', would reach nobody: the supervisor's crash report
 * (`lastLines`) would lose the final words. The relay attaches its listeners again after 'exit'
 * and ends its own stream when Electron's ends.
 */
export class OutputRelay {
  /** What the supervisor reads (it ends when the child's output closes). */
  readonly stream = new PassThrough();
  readonly #source: NodeJS.ReadableStream;
  #ended = false;

  constructor(source: NodeJS.ReadableStream) {
    this.#source = source;
    this.#attach();
  }

  /** Call from the 'exit' listener: after Electron's clean-up has run, listen again. */
  keepReadingAfterExit(): void {
    queueMicrotask(() => this.#attach());
  }

  #attach(): void {
    if (this.#ended) return;
    if (!this.#source.listeners('data').includes(this.#forward)) this.#source.on('data', this.#forward);
    for (const event of ['end', 'close', 'error'] as const) {
      if (!this.#source.listeners(event).includes(this.#end)) this.#source.on(event, this.#end);
    }
  }

  readonly #forward = (chunk: Buffer | string): void => {
    if (!this.#ended) this.stream.write(chunk);
  };

  readonly #end = (): void => {
    if (this.#ended) return;
    this.#ended = true;
    this.stream.end();
  };
}
