import type { ResolvedRequest, TestSpec } from '../../contract/spec.js';
import { canonicalizeSpec } from '../aliases.js';
import { resolveConversation } from './conversation.js';
import { resolveProvider } from './provider.js';
import { resolveSampling } from './sampling.js';
import { resolveTools } from './tools.js';

/** What a spec resolves to: the provider request, notes for the user, and the call's time bound. */
export interface ResolvedSpec {
  readonly request: ResolvedRequest;
  /** Things the user should know, e.g. "seed is not supported by Anthropic and was ignored". */
  readonly notes: string[];
  /** The spec's `timeout_ms`: bounds the model call; not part of the request (nor of its hash). */
  readonly timeoutMs: number | undefined;
}

function frameworkNote(spec: TestSpec): string[] {
  if (spec.framework === undefined) return [];
  const config = spec.framework_config === undefined ? '' : ' and its framework_config';
  return [`framework "${spec.framework}"${config} ${config === '' ? 'is' : 'are'} stored and shown, not executed: the model was called directly`];
}

/**
 * Resolves a validated spec into the exact request sent to its provider (see docs/spec-format.md):
 * provider from `provider` or the model id, aliases applied, `max_tokens` defaulted, provider rules
 * on `temperature` / `top_k` / `seed` / `stop_sequences`, tools normalised, system turns and
 * `context` joined into the system prompt, `query` as the last user turn.
 * @throws BackendError 400 `VALIDATION_ERROR` naming the field under `field`.
 */
export function resolveSpec(spec: TestSpec, field = 'test_spec'): ResolvedSpec {
  const { spec: canonical, origins } = canonicalizeSpec(spec, field);
  const provider = resolveProvider(canonical.provider, canonical.model, field);
  const { sampling, notes: samplingNotes } = resolveSampling(provider, { config: canonical.model_config, seed: canonical.seed, origins });
  const conversation = resolveConversation(canonical.inputs, field);
  const tools = canonical.tools === undefined || canonical.tools.length === 0 ? undefined : resolveTools(canonical.tools, field);
  const request: ResolvedRequest = {
    provider,
    model: canonical.model,
    ...(conversation.system === undefined ? {} : { system: conversation.system }),
    messages: conversation.messages,
    ...sampling,
    ...(tools === undefined ? {} : { tools }),
  };
  return { request, notes: [...samplingNotes, ...conversation.notes, ...frameworkNote(canonical)], timeoutMs: canonical.timeout_ms };
}
