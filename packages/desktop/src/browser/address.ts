/** Where browser mode listens; known once the server is bound (port 0 picks a free one). */
export interface ServerAddress {
  /** e.g. `http://127.0.0.1:43127`: the only Origin bridge requests may come from. */
  readonly origin: string;
  /** e.g. `127.0.0.1:43127`: the only Host header answered. */
  readonly authority: string;
  readonly port: number;
}

export function loopbackAddress(port: number): ServerAddress {
  return { origin: `http://127.0.0.1:${port}`, authority: `127.0.0.1:${port}`, port };
}
