import { validationError } from '../../app/errors.js';
import { SPEC_LIMITS } from '../../contract/schemas/limits.js';
import type { InputSpec, ResolvedRequest } from '../../contract/spec.js';

type Turn = ResolvedRequest['messages'][number];

/** The conversation part of a resolved request. */
export interface ResolvedConversation {
  readonly system: string | undefined;
  readonly messages: Turn[];
  readonly notes: string[];
}

/**
 * How `inputs.context` reaches the model: pretty-printed JSON in a `<context>` block, appended to
 * the system prompt (background data stays out of the user's turn, and the query stays last).
 */
export function renderContext(context: Readonly<Record<string, unknown>>): string {
  return `<context>\n${JSON.stringify(context, null, 2)}\n</context>`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Builds the system prompt and the turns from canonical inputs: the system prompt is
 * `system_prompt`, then every `system` turn of `messages` in order, then the rendered `context`,
 * joined by blank lines; the turns are the user/assistant messages in order with `query` appended
 * as the last user turn. The conversation must end with a user turn (no assistant prefill).
 * @throws BackendError 400 naming `<field>.inputs...`.
 */
export function resolveConversation(inputs: InputSpec, field: string): ResolvedConversation {
  const notes: string[] = [];
  const systemParts: string[] = inputs.system_prompt === undefined || inputs.system_prompt === '' ? [] : [inputs.system_prompt];
  const messages: Turn[] = [];
  const systemTurns = (inputs.messages ?? []).filter((message) => message.role === 'system');
  for (const message of inputs.messages ?? []) {
    if (message.role === 'system') systemParts.push(message.content);
    else messages.push({ role: message.role, content: message.content });
  }
  if (systemTurns.length > 0) notes.push(`${plural(systemTurns.length, 'system turn')} of inputs.messages joined the system prompt`);
  if (inputs.context !== undefined && Object.keys(inputs.context).length > 0) systemParts.push(renderContext(inputs.context));
  if (inputs.query !== undefined) messages.push({ role: 'user', content: inputs.query });
  const last = messages.at(-1);
  if (last === undefined) {
    throw validationError(`${field}.inputs`, 'has no user turn: give inputs.query, or inputs.messages with a user message, for the model to answer');
  }
  if (last.role !== 'user') {
    const index = (inputs.messages ?? []).findLastIndex((message) => message.role !== 'system');
    throw validationError(`${field}.inputs.messages[${index}].role`, 'ends the conversation with an assistant turn: add inputs.query or end inputs.messages with a user message (assistant prefill is not supported)');
  }
  const system = systemParts.length === 0 ? undefined : systemParts.join('\n\n');
  if (system !== undefined && system.length > SPEC_LIMITS.systemChars) {
    throw validationError(`${field}.inputs`, `makes a system prompt of ${system.length} characters (system_prompt, system turns and context together); at most ${SPEC_LIMITS.systemChars}`);
  }
  return { system, messages, notes };
}
