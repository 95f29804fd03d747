import type { StubBehavior, StubError, StubRequest } from './stub-behavior.js';
import type { StubCallGroup, StubOptions, StubProtocol } from './stub-server.js';

/** The status and JSON body for a request, in the order a real API checks: route, key, body. */
export function route(protocol: StubProtocol, options: StubOptions, request: StubRequest, behavior: StubBehavior): { status: number; body: unknown } {
  const fail = (error: StubError) => ({ status: error.status, body: protocol.errorBody(error) });
  const isModelCall = request.method === 'POST' && request.path === protocol.modelPath;
  const isModelList = request.method === 'GET' && request.path === '/v1/models';
  if (!isModelCall && !isModelList) return fail(protocol.notFound(request.method, request.path));
  if (request.apiKey === undefined) return fail(protocol.missingKey());
  if (options.apiKey !== undefined && request.apiKey !== options.apiKey) return fail(protocol.wrongKey(request.apiKey));
  if (behavior.error !== undefined) return fail(behavior.error);
  if (isModelList) return { status: 200, body: protocol.modelList(options.models ?? protocol.defaultModels) };
  if (request.body === undefined) return fail(protocol.invalidJson());
  return { status: 200, body: protocol.modelAnswer(behavior, request) };
}

/** The model calls grouped by body hash, first seen first, each with how many were answered 200. */
export function groupCalls(requests: readonly StubRequest[], modelPath: string): StubCallGroup[] {
  const groups = new Map<string, StubRequest[]>();
  for (const request of requests) {
    if (request.method !== 'POST' || request.path !== modelPath) continue;
    groups.set(request.bodyHash, [...(groups.get(request.bodyHash) ?? []), request]);
  }
  return [...groups].map(([hash, calls]) => ({ hash, count: calls.length, succeeded: calls.filter((call) => call.status === 200).length, requests: calls }));
}
