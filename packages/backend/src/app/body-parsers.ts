import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertPlainData } from '../spec/plain-data.js';
import { BackendError } from './errors.js';

/** Media types parsed as one YAML document. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'] as const;

const yamlBodies = new WeakSet<FastifyRequest>();

/** Whether the request's body was sent as YAML (so it is the document itself, not a JSON envelope). */
export function isYamlBody(request: FastifyRequest): boolean {
  return yamlBodies.has(request);
}

/**
 * Replaces Fastify's JSON parser: `JSON.parse` (which never touches prototypes), then every key
 * checked, so a `__proto__`, `constructor` or `prototype` key anywhere is a 400 `VALIDATION_ERROR`
 * naming its path (e.g. `test_spec.__proto__`) and nesting past the limit is refused. Malformed
 * or empty bodies are 400 `INVALID_JSON`.
 */
export function installJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, async (_request: FastifyRequest, body: string | Buffer) => {
    const text = body.toString();
    if (text.trim() === '') throw new BackendError('INVALID_JSON', { message: 'The request body is empty: send a JSON object' });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new BackendError('INVALID_JSON', { message: `The request body is not valid JSON: ${(error as Error).message}`, cause: error });
    }
    assertPlainData(value, '');
    return value;
  });
}

/**
 * Parses `application/yaml`, `text/yaml` and `application/x-yaml` bodies as one YAML document
 * ({@link parseYamlDocument}: 400 `INVALID_YAML` with line and column), with the same key and
 * nesting checks as JSON. Routes tell the two apart with {@link isYamlBody}.
 */
export function installYamlBody(app: FastifyInstance): void {
  app.addContentTypeParser([...YAML_MEDIA_TYPES], { parseAs: 'string' }, async (request: FastifyRequest, body: string | Buffer) => {
    // Loaded on the first YAML body: the yaml package stays off the startup path.
    const { parseYamlDocument } = await import('../spec/parse-yaml.js');
    const value = parseYamlDocument(body.toString(), { source: 'the YAML body' });
    assertPlainData(value, '');
    yamlBodies.add(request);
    return value;
  });
}
