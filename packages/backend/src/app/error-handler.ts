import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scrubSecrets } from '../model/scrub-secrets.js';
import { BackendError, type BackendErrorCode, validationError } from './errors.js';

interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

/** `/test_spec/assertions/0/regex` -> `test_spec.assertions[0].regex`. */
function fieldName(context: string | undefined, instancePath: string, extra: unknown): string {
  const parts = instancePath.split('/').slice(1);
  if (typeof extra === 'string') parts.push(extra);
  const path = parts.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
  const root = context === 'body' || context === undefined ? '' : context;
  const joined = `${root}${path}`.replace(/^\./, '');
  return joined === '' ? (context ?? 'body') : joined;
}

function fromValidation(error: FastifyError): BackendError {
  const issue = error.validation?.[0] as AjvIssue | undefined;
  if (issue === undefined) return validationError(error.validationContext ?? 'body', 'is invalid');
  if (issue.keyword === 'required') return validationError(fieldName(error.validationContext, issue.instancePath, issue.params.missingProperty), 'is required');
  if (issue.keyword === 'additionalProperties') {
    return validationError(fieldName(error.validationContext, issue.instancePath, issue.params.additionalProperty), 'is not allowed');
  }
  return validationError(fieldName(error.validationContext, issue.instancePath, undefined), issue.message ?? 'is invalid');
}

const FASTIFY_CODES: Readonly<Record<string, BackendErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_ERROR',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** Turns anything thrown in a route into a {@link BackendError}. */
export function toBackendError(error: FastifyError | BackendError | Error): BackendError {
  if (error instanceof BackendError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) return fromValidation(fastifyError);
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
