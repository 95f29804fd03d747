import type { FastifyInstance } from 'fastify';
import type { Library } from '../library/index.js';
import { registerItemRoutes } from './library-items.js';

/**
 * The library's routes: `/api/tests` and `/api/suites` (list with filters, create from JSON or
 * YAML, read, export as YAML, update, delete) and `GET /api/templates`. See docs/library.md.
 */
export function registerLibraryRoutes(app: FastifyInstance, library: Library): void {
  registerItemRoutes(app, library.tests, { base: '/api/tests', bodyKey: 'test_spec', itemKey: 'test', listKey: 'tests' });
  registerItemRoutes(app, library.suites, { base: '/api/suites', bodyKey: 'suite', itemKey: 'suite', listKey: 'suites' });
  app.get('/api/templates', async () => ({ templates: await library.templates() }));
}
