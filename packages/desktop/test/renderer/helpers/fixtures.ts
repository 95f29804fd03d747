import { createHash } from 'node:crypto';
import type { AssertionResult, ProviderInfo, RunRecord, StoredSuite, StoredTest, SuiteRun, SuiteRunCase, Template, TestSpec, TestSuite } from '@sentinel/backend/contract';
import { stringify } from 'yaml';

/** Contract-shaped data for the renderer tests: builders with sensible defaults. */

export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function yamlOf(value: unknown): string {
  return stringify(value, { lineWidth: 0, indent: 2 });
}

export function storedTest(id: string, spec: TestSpec, yaml = yamlOf(spec)): StoredTest & { yaml: string } {
  return { id, kind: 'test', path: `tests/${id}.yaml`, spec, updated_at: '2026-11-30T10:00:00.000Z', revision: revisionOf(yaml), yaml };
}

export function storedSuite(id: string, suite: TestSuite, yaml = yamlOf(suite)): StoredSuite & { yaml: string } {
  return { id, kind: 'suite', path: `suites/${id}.yaml`, suite, updated_at: '2026-11-30T10:00:00.000Z', revision: revisionOf(yaml), yaml };
}

export const CAPITAL: TestSpec = {
  name: 'Capital of France',
  category: 'qa',
  model: 'claude-sonnet-4-6',
  inputs: { query: 'What is the capital of France?' },
  assertions: [{ must_contain: 'Paris' }, { max_latency_ms: 5000 }],
  tags: ['smoke', 'geo'],
};

export const CONTACT_JSON: TestSpec = {
  name: 'Contact as JSON',
  category: 'structured',
  model: 'gpt-4.1-mini',
  inputs: { system_prompt: 'Answer with JSON only.', query: 'Extract the contact: Ada, ada@example.com' },
  assertions: [{ is_json: { schema: { type: 'object', required: ['name'] } } }, { contains_all: ['Ada', 'ada@example.com'] }],
  tags: ['json'],
};

export const WEATHER_TOOL: TestSpec = {
  name: 'Weather tool call',
  category: 'tools',
  model: 'gpt-4.1-mini',
  inputs: { query: 'What is the weather in Oslo?' },
  tools: [{ name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
  assertions: [{ must_call_tool: 'get_weather' }],
};

export const SMOKE_SUITE: TestSuite = {
  name: 'Nightly smoke',
  version: '1.0',
  defaults: { model: 'claude-sonnet-4-6', category: 'qa' },
  tags: ['nightly'],
  tests: [
    { name: 'Capital of France', inputs: { query: 'Capital of France?' }, assertions: [{ must_contain: 'Paris' }] },
    { name: 'Capital of Italy', inputs: { query: 'Capital of Italy?' }, assertions: [{ must_contain: 'Rome' }] },
  ],
};

export const TEMPLATES: Template[] = [
  { id: 'simple-qa', kind: 'test', name: 'A question with a known answer', description: 'Checks a fact.', category: 'qa', yaml: '# a starter\nname: Known answer\nmodel: claude-sonnet-4-6\ninputs:\n  query: What is 2 + 2?\nassertions:\n  - must_contain: "4"\n' },
  { id: 'starter-suite', kind: 'suite', name: 'Smoke suite', description: 'Two tests.', category: 'suite', yaml: yamlOf(SMOKE_SUITE) },
];

export const PROVIDERS: ProviderInfo[] = [
  { name: 'anthropic', label: 'Anthropic', configured: true, key_variable: 'ANTHROPIC_API_KEY', models: [{ id: 'claude-sonnet-4-6', input_usd_per_mtok: 3, output_usd_per_mtok: 15 }] },
  { name: 'openai', label: 'OpenAI', configured: false, key_variable: 'OPENAI_API_KEY', models: [{ id: 'gpt-4.1-mini', input_usd_per_mtok: 0.4, output_usd_per_mtok: 1.6 }] },
];

let sequence = 0;

/** A run id in the contract's shape (24 hex digits). */
export function runId(): string {
  sequence += 1;
  return `${(0x18c0000000 + sequence).toString(16).padStart(12, '0')}${sequence.toString(16).padStart(4, '0')}abcdef01`;
}

export function assertionResult(kind: AssertionResult['kind'], passed: boolean, expected: AssertionResult['expected'], actual: AssertionResult['actual']): AssertionResult {
  return { kind, expected, actual, passed, message: passed ? `${kind} passed` : `${kind}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}` };
}

/** A finished run of `spec`. */
export function runRecord(spec: TestSpec, overrides: Partial<RunRecord> = {}): RunRecord {
  const success = overrides.success ?? true;
  const started = overrides.started_at ?? '2026-11-30T10:00:00.000Z';
  return {
    id: runId(),
    name: spec.name,
    success,
    provider: spec.model.startsWith('gpt') ? 'openai' : 'anthropic',
    model: spec.model,
    response_model: `${spec.model}-20261101`,
    output: success ? 'The capital of France is Paris.' : 'I am not sure.',
    tool_calls: [],
    assertions: [assertionResult('must_contain', success, 'Paris', success ? 'The capital of France is Paris.' : 'I am not sure.')],
    latency_ms: 840,
    usage: { input_tokens: 21, output_tokens: 9 },
    cost_usd: 0.000198,
    stop_reason: 'end_turn',
    started_at: started,
    finished_at: started,
    spec,
    request: { provider: 'anthropic', model: spec.model, messages: [{ role: 'user', content: spec.inputs.query ?? '' }], max_tokens: 1024 },
    notes: [],
    test_id: null,
    suite_run_id: null,
    case_index: null,
    tags: spec.tags ?? [],
    answer_source: 'provider',
    saved: true,
    ...overrides,
  };
}

/** A suite run of `names`, every case pending. */
export function suiteRun(id: string, suite: { id: string | null; name: string }, names: readonly string[], overrides: Partial<SuiteRun> = {}): SuiteRun {
  const cases: SuiteRunCase[] = names.map((name, index) => ({ index, name, state: 'pending', run_id: null, error: null }));
  return { id, suite: { ...suite, version: null }, status: 'running', total: names.length, done: 0, passed: 0, failed: 0, errors: 0, concurrency: 4, cache: false, rerun_of: null, started_at: new Date(Date.now() - 5_000).toISOString(), finished_at: null, cases, ...overrides };
}
