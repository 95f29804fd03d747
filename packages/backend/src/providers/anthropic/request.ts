import type Anthropic from '@anthropic-ai/sdk';
import type { ResolvedRequest } from '../../contract/spec.js';

/**
 * A resolved request as Messages API parameters: `system`, `messages`, `max_tokens`, the sampling
 * parameters that are set, and `tools` with their JSON Schema as `input_schema`.
 */
export function toMessageParams(request: ResolvedRequest): Anthropic.MessageCreateParamsNonStreaming {
  const tools = request.tools?.map((tool): Anthropic.Tool => ({
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    input_schema: { ...tool.parameters, type: 'object' },
  }));
  return {
    model: request.model,
    max_tokens: request.max_tokens,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    ...(request.system === undefined ? {} : { system: request.system }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.top_p === undefined ? {} : { top_p: request.top_p }),
    ...(request.top_k === undefined ? {} : { top_k: request.top_k }),
    ...(request.stop_sequences === undefined ? {} : { stop_sequences: [...request.stop_sequences] }),
    ...(tools === undefined || tools.length === 0 ? {} : { tools }),
  };
}
