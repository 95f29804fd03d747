import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { LOGIN_PATH } from '../shared/bridge-protocol.js';

/**
 * The built renderer (index.html, app.js, styles.css...), public: it holds no data, every piece of
 * which is behind the bridge. Public also means an overwritten cookie can never stop the page from
 * loading. `/login` is index.html too: the page reads the one-time token from the fragment.
 * @fastify/static resolves paths inside `rendererDir` only and serves no dotfiles.
 */
export async function registerStaticRoutes(app: FastifyInstance, rendererDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'], serveDotFiles: false, cacheControl: false, etag: false, lastModified: false });
  app.get(LOGIN_PATH, (_request, reply) => reply.sendFile('index.html'));
}
