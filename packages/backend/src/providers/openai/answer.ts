import type OpenAI from 'openai';
import type { ModelAnswer, ToolCall } from '../../contract/run.js';

/** Tool-call arguments as the model sent them: parsed when they are JSON, else the raw text. */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toToolCall(call: OpenAI.ChatCompletionMessageToolCall): ToolCall {
  if (call.type === 'function') return { id: call.id, name: call.function.name, arguments: parseArguments(call.function.arguments) };
  return { id: call.id, name: call.custom.name, arguments: call.custom.input };
}

/**
 * A Chat Completions answer reduced to what a run records: the first choice's text (or its
 * refusal), its tool calls with parsed arguments, and usage (`prompt_tokens` includes the cached
 * ones, reported again as `cached_input_tokens`; `completion_tokens` includes reasoning tokens).
 */
export function fromChatCompletion(completion: OpenAI.ChatCompletion): ModelAnswer {
  const choice = completion.choices[0];
  const message = choice?.message;
  const cached = completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    output: message?.content ?? message?.refusal ?? '',
    tool_calls: (message?.tool_calls ?? []).map(toToolCall),
    usage: {
      input_tokens: completion.usage?.prompt_tokens ?? 0,
      output_tokens: completion.usage?.completion_tokens ?? 0,
      ...(cached > 0 ? { cached_input_tokens: cached } : {}),
    },
    response_model: completion.model,
    stop_reason: choice?.finish_reason ?? null,
  };
}
