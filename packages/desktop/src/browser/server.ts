import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { SentinelHost } from '../host/host.js';
import { LOGIN_PATH } from '../shared/bridge-protocol.js';
import { loopbackAddress, type ServerAddress } from './address.js';
import { createBrowserApp } from './app.js';
import { BrowserSessions, type BrowserSessionsOptions } from './session.js';

export interface BrowserServerOptions extends BrowserSessionsOptions {
  readonly host: SentinelHost;
  /** Directory holding the built renderer (index.html, app.js, styles.css). */
  readonly rendererDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Fastify's logger; refused requests are logged at warn. @default false */
  readonly logger?: FastifyServerOptions['logger'];
}

export interface BrowserServer {
  /** e.g. `http://127.0.0.1:43127` */
  readonly origin: string;
  /** A link with a fresh one-time token in its fragment: `<origin>/login#<token>`; it works once, within the TTL. */
  loginUrl(): string;
  /** The Fastify app (for `inject()` in tests). */
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** Serve the renderer on 127.0.0.1 and bridge its named functions and events over HTTP + SSE (Fastify). */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError(`port must be an integer from 0 to 65535, received ${String(port)}`);
  const sessions = new BrowserSessions(options);
  let address: ServerAddress | undefined;
  const app = await createBrowserApp({
    host: options.host,
    rendererDir: options.rendererDir,
    sessions,
    address: () => address!,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  await app.listen({ port, host: '127.0.0.1' });
  address = loopbackAddress((app.server.address() as AddressInfo).port);
  const bound = address;
  return {
    origin: bound.origin,
    loginUrl: () => `${bound.origin}${LOGIN_PATH}#${sessions.issueLoginToken()}`,
    app,
    close: () => app.close(),
  };
}
