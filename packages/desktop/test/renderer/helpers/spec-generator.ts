import type { AssertionKind, TestSpec } from '@sentinel/backend/contract';

/** Every assertion kind, so a run of the generator covers them all (round robin). */
export const ALL_KINDS: readonly AssertionKind[] = ['must_contain', 'must_not_contain', 'regex_match', 'regex', 'must_call_tool', 'output_type', 'max_latency_ms', 'min_tokens', 'max_tokens', 'min_length', 'max_length', 'icontains', 'equals', 'starts_with', 'contains_any', 'contains_all', 'is_json', 'max_cost_usd'];

/** A small seeded PRNG (mulberry32): the same seed gives the same specs. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Paris', 'ask', 'the', 'model', 'café', 'a: b', '#hash', 'quote"d', "it's", 'yes', 'null', '42', '- dash', 'über', '[x]', '{y}', 'tab', 'ok?', 'e=mc²', '@at'];

export class SpecGenerator {
  readonly #next: () => number;
  #kind = 0;

  constructor(seed: number) {
    this.#next = random(seed);
  }

  chance(p: number): boolean {
    return this.#next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** One line of words (no leading or trailing space: a form field keeps what is typed). */
  line(words = this.int(1, 4)): string {
    return Array.from({ length: words }, () => this.pick(WORDS)).join(' ');
  }

  /** Several lines. */
  text(): string {
    return Array.from({ length: this.int(1, 3) }, () => this.line()).join('\n');
  }

  word(): string {
    return this.pick(['alpha', 'beta', 'smoke', 'geo', 'json', 'nightly', 'tools', 'qa']) + String(this.int(0, 9));
  }

  nextKind(): AssertionKind {
    const kind = ALL_KINDS[this.#kind % ALL_KINDS.length] as AssertionKind;
    this.#kind += 1;
    return kind;
  }

  assertion(kind: AssertionKind): Record<string, unknown> {
    switch (kind) {
      case 'regex_match':
      case 'regex':
        return this.chance(0.5) ? { [kind]: `^${this.word()}.*$` } : { [kind]: `${this.word()}\\d+`, flags: this.pick(['i', 'im', 's']) };
      case 'must_call_tool':
        return { [kind]: this.chance(0.5) ? this.word() : [this.word(), this.word(), ...(this.chance(0.5) ? [this.word()] : [])] };
      case 'must_contain':
      case 'must_not_contain':
        return { [kind]: this.chance(0.5) ? this.line() : [this.line(2), this.line(1), ...(this.chance(0.5) ? [this.line(3)] : [])] };
      case 'output_type':
        return { [kind]: this.pick(['text', 'json', 'markdown', 'code', 'structured']) };
      case 'max_latency_ms':
      case 'min_tokens':
      case 'max_tokens':
      case 'min_length':
      case 'max_length':
        return { [kind]: this.int(1, 9000) };
      case 'max_cost_usd':
        return { [kind]: this.pick([0.01, 0.5, 2, 0.003]) };
      case 'contains_any':
      case 'contains_all':
        return { [kind]: Array.from({ length: this.int(1, 3) }, () => this.line(2)) };
      case 'is_json':
        return { [kind]: this.chance(0.5) ? true : { schema: { type: 'object', required: [this.word()] } } };
      default:
        return { [kind]: this.line() };
    }
  }

  /** A spec with every canonical field present (`full`) or each present by chance. */
  spec(full: boolean): TestSpec {
    const maybe = (p = 0.6): boolean => full || this.chance(p);
    const spec: Record<string, unknown> = { name: this.line(), model: this.pick(['claude-sonnet-4-6', 'gpt-4.1-mini', 'claude-haiku-4-5']) };
    if (maybe()) spec.description = this.text();
    if (maybe()) spec.category = this.word();
    if (maybe()) spec.provider = this.pick(['anthropic', 'openai']);
    if (maybe()) spec.tags = Array.from({ length: this.int(1, 3) }, () => this.word());
    const inputs: Record<string, unknown> = { query: this.text() };
    if (maybe()) inputs.system_prompt = this.text();
    if (maybe()) inputs.messages = Array.from({ length: this.int(1, 3) }, (_, index) => ({ role: this.pick(['user', 'assistant', 'system']), content: index === 0 ? this.text() : this.line() }));
    if (maybe(0.4)) inputs.context = { document: this.line(), count: this.int(1, 5), nested: { ok: true } };
    spec.inputs = inputs;
    const config: Record<string, unknown> = {};
    if (maybe()) config.temperature = this.int(0, 10) / 10;
    if (maybe()) config.max_tokens = this.int(16, 4096);
    if (maybe(0.4)) config.top_p = this.int(1, 10) / 10;
    if (maybe(0.4)) config.top_k = this.int(1, 100);
    if (maybe(0.4)) config.stop_sequences = [this.pick(['\n\n', 'END', '###', 'stop\there'])];
    if (Object.keys(config).length > 0) spec.model_config = config;
    if (maybe(0.5)) spec.tools = [this.word(), { name: this.word(), description: this.line(), parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    spec.assertions = Array.from({ length: full ? 4 : this.int(1, 4) }, () => this.assertion(this.nextKind()));
    if (maybe(0.4)) spec.framework = this.pick(['langchain', 'crewai']);
    if (maybe(0.3)) spec.framework_config = { agent: this.word(), steps: this.int(1, 5) };
    if (maybe(0.4)) spec.seed = this.int(0, 99999);
    if (maybe(0.4)) spec.timeout_ms = this.int(1000, 60000);
    return spec as unknown as TestSpec;
  }
}
