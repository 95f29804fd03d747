import type Anthropic from '@anthropic-ai/sdk';
import type { ModelAnswer } from '../../contract/run.js';

/**
 * A Messages API answer reduced to what a run records: the text blocks joined, each `tool_use`
 * block as a tool call (its `input` is already parsed JSON), and usage counting every input token
 * (prompt-cache reads and writes included; reads also reported as `cached_input_tokens`).
 */
export function fromMessage(message: Anthropic.Message): ModelAnswer {
  const output = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const toolCalls = message.content.flatMap((block) =>
    block.type === 'tool_use' ? [{ id: block.id, name: block.name, arguments: block.input }] : [],
  );
  const cacheRead = message.usage.cache_read_input_tokens ?? 0;
  const cacheWrite = message.usage.cache_creation_input_tokens ?? 0;
  return {
    output,
    tool_calls: toolCalls,
    usage: {
      input_tokens: message.usage.input_tokens + cacheRead + cacheWrite,
      output_tokens: message.usage.output_tokens,
      ...(cacheRead > 0 ? { cached_input_tokens: cacheRead } : {}),
    },
    response_model: message.model,
    stop_reason: message.stop_reason ?? null,
  };
}
