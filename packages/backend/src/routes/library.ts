import type { FastifyInstance } from 'fastify';
import type { Library } from '../library/index.js';
import { registerItemRoutes } from './library-items.js';
import { YAML_MEDIA_TYPES } from '../app/body-parsers.js';

/**
 * The library's routes: `/api/tests` and `/api/suites` (list with filters, create from JSON or
 * YAML, read, export as YAML, update, delete) and `GET /api/templates`. See docs/library.md.
 */
export function registerLibraryRoutes(app: FastifyInstance, library: Library): void {
  // Encapsulated: these routes take YAML bodies as the raw text, to store it byte for byte (the
  // app's YAML parser keeps only the value); the library parses and checks it with the spec module.
  void app.register(async (scope) => {
    for (const type of YAML_MEDIA_TYPES) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser([...YAML_MEDIA_TYPES], { parseAs: 'string' }, (_request, body, done) => done(null, body));
    registerItemRoutes(scope, library.tests, { base: '/api/tests', bodyKey: 'test_spec', itemKey: 'test', listKey: 'tests' });
    registerItemRoutes(scope, library.suites, { base: '/api/suites', bodyKey: 'suite', itemKey: 'suite', listKey: 'suites' });
    scope.get('/api/templates', async () => ({ templates: await library.templates() }));
  });
}
