import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scrubSecrets } from './scrub-secrets.js';
import { describeIssue, primaryIssue, type SchemaIssue } from '../contract/schemas/describe-error.js';
import { BackendError, type BackendErrorCode, validationError } from './errors.js';

/** A Fastify schema failure (querystring, params, a route's body) as a 400 naming the field. */
function fromValidation(error: FastifyError): BackendError {
  const context = error.validationContext ?? 'body';
  const issue = primaryIssue((error.validation ?? []) as unknown as SchemaIssue[]);
  if (issue === undefined) return validationError(context, 'is invalid');
  const { field, problem } = describeIssue(context === 'body' ? '' : context, issue);
  return validationError(field, problem);
}

const FASTIFY_CODES: Readonly<Record<string, BackendErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** Turns anything thrown in a route into a {@link BackendError}. */
export function toBackendError(error: FastifyError | BackendError | Error): BackendError {
  if (error instanceof BackendError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) return fromValidation(fastifyError);
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return validationError('headers.content-length', "does not match the body's size");
  }
  const mapped = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (mapped !== undefined) return new BackendError(mapped, { cause: error });
  if (error instanceof SyntaxError) return new BackendError('INVALID_JSON', { cause: error });
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return validationError('request', 'is invalid');
  return new BackendError('INTERNAL_ERROR', { cause: error });
}

/**
 * Answers every error as `{ error: { code, message, ...details } }`. Messages and logged causes
 * are scrubbed of the API key and token; 5xx are logged at error level, 4xx at info.
 */
export function installErrorHandler(app: FastifyInstance, secrets: readonly (string | undefined)[]): void {
  app.setErrorHandler((raw: FastifyError | BackendError, request: FastifyRequest, reply: FastifyReply) => {
    const error = toBackendError(raw);
    const message = scrubSecrets(error.message, secrets);
    const cause = error.cause instanceof Error ? scrubSecrets(error.cause.message, secrets) : undefined;
    const logged = { code: error.code, statusCode: error.statusCode, cause, url: request.routeOptions.url };
    if (error.statusCode >= 500) request.log.error(logged, message);
    else request.log.info(logged, message);
    return reply.code(error.statusCode).send({ error: { code: error.code, message, ...error.details } });
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `No route ${request.method} ${request.url.split('?')[0] ?? ''}`;
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message } });
  });
}

/** Errors raised before routing (a malformed URL): 400 in the usual shape instead of Fastify's. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body = { error: { code: 'VALIDATION_ERROR', message: `url is invalid (${error.code})`, field: 'url' } };
  void reply.code(400).send(body);
}
