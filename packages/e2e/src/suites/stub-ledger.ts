import type { AnthropicStub, StubBehavior, StubRequest } from '@sentinel/backend/testing';
import type { ModelCallRecord } from '../history/types.js';
import { now } from '../history/clock.js';
import { answerText, parseCasePrompt } from './prompts.js';

/** How long the stub takes to answer a suite case (so faults strike while cases are in flight). @default 150 */
export const DEFAULT_SUITE_ANSWER_DELAY_MS = 150;

interface Entry {
  readonly call: number;
  readonly receivedAt: number;
  readonly request: StubRequest;
  readonly tag: { key: string; index: number } | undefined;
  answeredAt: number | null;
}

function lastUserText(body: unknown): string {
  const messages = (body as { messages?: Array<{ role?: unknown; content?: unknown }> } | undefined)?.messages ?? [];
  const content = messages.filter((m) => m.role === 'user').at(-1)?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('');
  return '';
}

/**
 * Drives the local Anthropic stub for a chaos run and keeps a ledger of its model calls: each answer
 * names its call (`chaos answer call-N`), suite cases are answered after `answerDelayMs`, and for each
 * call the ledger knows when it arrived and when (if ever) the stub wrote its answer, on the runner's
 * clock. The stub's own records give the request body hash and the status.
 */
export class StubLedger {
  readonly #stub: AnthropicStub;
  readonly #entries: Entry[] = [];
  readonly #answerWaiters = new Set<(answer: { call: number; at: number }) => void>();

  constructor(stub: AnthropicStub, answerDelayMs = DEFAULT_SUITE_ANSWER_DELAY_MS) {
    this.#stub = stub;
    stub.setBehavior((request, call): StubBehavior => {
      const prompt = lastUserText(request.body);
      const entry: Entry = { call, receivedAt: now(), request, tag: parseCasePrompt(prompt), answeredAt: null };
      this.#entries.push(entry);
      return {
        ...(entry.tag === undefined ? {} : { delayMs: answerDelayMs }),
        // Called as the stub writes its answer: that moment is when the answer left.
        text: () => {
          const at = now();
          entry.answeredAt = at;
          if (entry.tag !== undefined) this.#answered(call, at);
          return answerText(call, prompt);
        },
      };
    });
  }

  /** Resolves as the stub writes its next answer to a suite case (its call and when), or undefined after `timeoutMs`. */
  nextSuiteAnswer(timeoutMs: number): Promise<{ call: number; at: number } | undefined> {
    return new Promise((resolve) => {
      const waiter = (answer: { call: number; at: number }) => {
        clearTimeout(timer);
        resolve(answer);
      };
      const timer = setTimeout(() => {
        this.#answerWaiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.#answerWaiters.add(waiter);
    });
  }

  #answered(call: number, at: number): void {
    for (const waiter of this.#answerWaiters) waiter({ call, at });
    this.#answerWaiters.clear();
  }

  /** Every model call made for a suite case, as history records. */
  records(): ModelCallRecord[] {
    return this.#entries.flatMap((entry): ModelCallRecord[] => {
      if (entry.tag === undefined) return [];
      const status = this.#stub.requests[entry.call]?.status ?? entry.request.status;
      return [{ type: 'model-call', t: entry.receivedAt, call: entry.call, hash: entry.request.bodyHash, key: entry.tag.key, index: entry.tag.index, answeredAt: entry.answeredAt, status }];
    });
  }
}
