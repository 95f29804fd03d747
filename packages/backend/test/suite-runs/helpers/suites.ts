import type { TestSuite } from '../../../src/contract/spec.js';
import type { SuiteRunEvent } from '../../../src/contract/suite-run.js';

/** A suite of `count` tests named case-0, case-1... on `model` (Claude by default), each passing on the stubs' default reply. */
export function suiteOf(count: number, options: { model?: string; name?: string; mustContain?: (index: number) => string } = {}): TestSuite {
  return {
    name: options.name ?? 'Stub suite',
    version: '1',
    defaults: { model: options.model ?? 'claude-test-1', model_config: { max_tokens: 32, temperature: 0 } },
    tests: Array.from({ length: count }, (_, index) => ({
      name: `case-${index}`,
      inputs: { query: `question ${index}` },
      assertions: [{ must_contain: options.mustContain?.(index) ?? 'Stub reply' }],
    })),
  };
}

/** A suite mixing both providers: even cases on Claude, odd ones on GPT. */
export function mixedSuite(count: number): TestSuite {
  const suite = suiteOf(count);
  return { ...suite, tests: suite.tests.map((test, index) => (index % 2 === 1 ? { ...test, model: 'gpt-4.1-mini' } : test)) };
}

/** Collects a run's events and resolves `ended` at its `end`. */
export function eventRecorder(): { events: SuiteRunEvent[]; listener: (event: SuiteRunEvent) => void; ended: Promise<void> } {
  const events: SuiteRunEvent[] = [];
  let resolveEnd: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
  return {
    events,
    ended,
    listener: (event) => {
      events.push(event);
      if (event.type === 'end') resolveEnd();
    },
  };
}

/** The question a stub request asked (the last user message), to tell cases apart in the stub's records. */
export function questionOf(body: unknown): string {
  const messages = (body as { messages?: Array<{ role: string; content: unknown }> }).messages ?? [];
  const last = messages.filter((message) => message.role === 'user').at(-1)?.content;
  if (typeof last === 'string') return last;
  if (Array.isArray(last)) return last.map((part: { text?: string }) => part.text ?? '').join('');
  return '';
}
