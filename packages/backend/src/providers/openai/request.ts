import type OpenAI from 'openai';
import type { ResolvedRequest } from '../../contract/spec.js';

/**
 * A resolved request as Chat Completions parameters: the system prompt as the first message,
 * `max_completion_tokens` (what every current model takes; `max_tokens` is refused by reasoning
 * models), `stop` from `stop_sequences`, `seed`, and tools as function tools.
 */
export function toChatParams(request: ResolvedRequest): OpenAI.ChatCompletionCreateParamsNonStreaming {
  const system: OpenAI.ChatCompletionMessageParam[] = request.system === undefined ? [] : [{ role: 'system', content: request.system }];
  const tools = request.tools?.map((tool): OpenAI.ChatCompletionFunctionTool => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: { ...tool.parameters },
    },
  }));
  return {
    model: request.model,
    messages: [...system, ...request.messages.map((message) => ({ role: message.role, content: message.content }))],
    max_completion_tokens: request.max_tokens,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.top_p === undefined ? {} : { top_p: request.top_p }),
    ...(request.stop_sequences === undefined ? {} : { stop: [...request.stop_sequences] }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(tools === undefined || tools.length === 0 ? {} : { tools }),
  };
}
