import { describe, expect, it } from 'vitest';
import { apiKey, libraryId, providerName, runId } from '../src/host/validate.js';
import { validateDraft, validateDraftKey } from '../src/host/validate-drafts.js';
import { executeRequest, libraryInput, runQuery, suiteRunRequest } from '../src/host/validate-requests.js';

// The host's checks of what the renderer sends: types, ids and bounds, each failure a coded error
// naming the field (the backend judges whether a spec or suite is valid).
function refusal(run: () => unknown): { code?: string; message?: string; details?: { field?: string } } {
  try {
    run();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected a refusal');
}

describe('bridge argument checks', () => {
  it.each([
    ['a library id with a slash', () => libraryId('../etc'), 'id'],
    ['an uppercase id', () => libraryId('Capital'), 'id'],
    ['a run id that is not 24 hex digits', () => runId('123'), 'id'],
    ['an unknown provider', () => providerName('mistral'), 'provider'],
    ['a key with a space', () => apiKey('sk-ant has space'), 'key'],
    ['a short key', () => apiKey('short'), 'key'],
    ['an input with both yaml and spec', () => libraryInput('test', { yaml: 'name: a', spec: {} }), 'input'],
    ['an input with an unknown field', () => libraryInput('test', { yaml: 'a', evil: 1 }), 'input.evil'],
    ['a spec that is a list', () => libraryInput('test', { spec: [] }), 'spec'],
    ['an execute without spec or test', () => executeRequest({}), 'request'],
    ['an execute of a bad test id', () => executeRequest({ test_id: 'A B' }), 'test_id'],
    ['a silly page size', () => runQuery({ limit: 10_000 }), 'limit'],
    ['passed as a string', () => runQuery({ passed: 'yes' }), 'passed'],
    ['a suite run with both suite_id and suite', () => suiteRunRequest({ suite_id: 'a', suite: {} }), 'request'],
    ['a concurrency over 64', () => suiteRunRequest({ suite_id: 'a', concurrency: 65 }), 'concurrency'],
    ['a draft key of no kind', () => validateDraftKey('draft:x'), 'key'],
    ['a draft key with a path', () => validateDraftKey('test:../x'), 'key'],
    ['a draft with a bad time', () => validateDraft({ kind: 'test', id: null, revision: null, yaml: '', saved_at: 'yesterday' }), 'draft.saved_at'],
    ['a draft that is too long', () => validateDraft({ kind: 'test', id: null, revision: null, yaml: 'x'.repeat(300_000), saved_at: '2026-12-01T10:00:00.000Z' }), 'draft.yaml'],
  ])('refuses %s, naming the field', (_name, run, field) => {
    expect(refusal(run)).toMatchObject({ code: 'DESKTOP_ERR_INVALID_INPUT', details: { field } });
  });

  it('accepts good arguments as they are (a key trimmed)', () => {
    expect(apiKey('  sk-ant-api03-xyz123  ')).toBe('sk-ant-api03-xyz123');
    expect(executeRequest({ spec: { name: 'n' }, test_id: 'capital' })).toEqual({ spec: { name: 'n' }, test_id: 'capital' });
    expect(executeRequest({ test_id: 'capital' })).toEqual({ test_id: 'capital' });
    expect(runQuery({ test_id: 'capital', passed: false, limit: 20 })).toEqual({ test_id: 'capital', passed: false, limit: 20 });
    expect(suiteRunRequest({ suite_id: 'nightly', concurrency: 2, cache: true })).toEqual({ suite_id: 'nightly', concurrency: 2, cache: true });
    const draft = { kind: 'suite', id: 'nightly', revision: '0123456789abcdef0123456789abcdef', yaml: 'name: x\n', saved_at: '2026-12-01T10:00:00.000Z' };
    expect(validateDraft(draft)).toEqual(draft);
    expect(validateDraftKey('new-test:0a1b2c3d4e5f')).toBe('new-test:0a1b2c3d4e5f');
  });
});

describe('SentinelHost options', () => {
  it.each([
    [{ sidecarPath: '' }, /option "sidecarPath" must be a non-empty path, received ""/],
    [{ dataDir: undefined }, /option "dataDir" must be a non-empty path, received undefined/],
    [{ stateDir: '' }, /option "stateDir" must be a non-empty path, received ""/],
    [{ mode: 'tauri' }, /option "mode" must be 'electron' or 'browser', received "tauri"/],
  ])('rejects %j with a TypeError naming the option and value', async (override, message) => {
    const { SentinelHost } = await import('../src/host/host.js');
    const { providerKeyStores } = await import('../src/host/provider-keys.js');
    const { PLAINTEXT_CODEC } = await import('../src/host/secret-store.js');
    const options = {
      mode: 'browser' as const,
      sidecarPath: '/x/sentinel-backend.cjs',
      dataDir: '/tmp/x/data',
      stateDir: '/tmp/x',
      keyStores: providerKeyStores('/tmp/x', PLAINTEXT_CODEC),
      createSupervisor: () => {
        throw new Error('unused');
      },
      createClient: () => {
        throw new Error('unused');
      },
      ...override,
    };
    expect(() => new SentinelHost(options as never)).toThrow(TypeError);
    expect(() => new SentinelHost(options as never)).toThrow(message);
  });
});
