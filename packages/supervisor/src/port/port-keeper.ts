import { SupervisorError } from '../errors.js';
import { findFreePort, isPortFree, mentionsAddressInUse } from './free-port.js';
import type { PortSetting } from './options.js';

/**
 * The port of each launch. 'auto': the previous port again (across restarts and start() calls of
 * this supervisor) while it is still free and the last backend did not die of EADDRINUSE, else a
 * new free one. A number: it must be free now (a stale server on it is SUP_ERR_PORT_IN_USE, never
 * adopted). false: no port.
 */
export class PortKeeper {
  readonly #name: string;
  readonly #host: string;
  readonly #setting: PortSetting;
  #last: number | undefined;
  #taken = false;

  constructor(name: string, host: string, setting: PortSetting) {
    this.#name = name;
    this.#host = host;
    this.#setting = setting;
  }

  /** The port of the last launch. */
  get last(): number | undefined {
    return this.#last;
  }

  /** Resolves the port for the next launch. */
  async next(): Promise<number | undefined> {
    const port = await this.#resolve();
    this.#last = port;
    this.#taken = false;
    return port;
  }

  /** Reads a dead backend's last words: a port it could not bind is not offered again. */
  noteExit(lastLines: readonly string[]): void {
    if (mentionsAddressInUse(lastLines)) this.#taken = true;
  }

  async #resolve(): Promise<number | undefined> {
    const setting = this.#setting;
    if (setting === false) return undefined;
    if (setting !== 'auto') {
      if (await isPortFree(this.#host, setting)) return setting;
      throw new SupervisorError('SUP_ERR_PORT_IN_USE', this.#name, `port ${setting} on ${this.#host} is taken; stop whatever listens there or use port: 'auto'`);
    }
    if (this.#last !== undefined && !this.#taken && (await isPortFree(this.#host, this.#last))) return this.#last;
    try {
      return await findFreePort(this.#host);
    } catch (cause) {
      throw new SupervisorError('SUP_ERR_NO_FREE_PORT', this.#name, `on ${this.#host}`, { cause });
    }
  }
}
