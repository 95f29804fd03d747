import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSuite, StoredTest } from '@sentinel/backend/contract';
import { DraftStore } from '../src/host/draft-store.js';
import { ANTHROPIC_KEY, OPENAI_KEY, startWorkspaceHost, TEMPLATES_DIR, type WorkspaceHost } from './helpers/workspace-host.js';

// Every workspace bridge function of the host (no browser): called through the bridge's dispatch with
// JSON arguments, against the real backend under the real supervisor, with Anthropic and OpenAI stubs
// that accept one key each. One backend for the file (each test builds on the ones before).
let dir: string;
let w: WorkspaceHost;

const CAPITAL = `# asked in every release
name: Capital of Australia
model: claude-sonnet-4-6
inputs:
  query: What is the capital of Australia?
assertions:
  - must_contain: Canberra
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-host-workspace-'));
  w = await startWorkspaceHost(dir);
});
afterAll(async () => {
  await w?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('provider keys', () => {
  it('a key the provider refuses is not saved, and says why at the field', async () => {
    const error = await w.refusal('saveProviderKey', 'anthropic', 'sk-ant-api03-wrong-key-1111');
    expect(error).toMatchObject({ code: 'DESKTOP_ERR_KEY_REJECTED', details: { field: 'key', provider: 'anthropic', upstream_status: 401 } });
    expect(error.message).toMatch(/Anthropic.*401.*The Anthropic key was not saved\.$/);
    expect(w.anthropic.requests.at(-1)).toMatchObject({ path: '/v1/models', apiKey: 'sk-ant-api03-wrong-key-1111' });
    expect(existsSync(join(dir, 'anthropic-api-key.txt'))).toBe(false);
    expect((await w.call('getSettings')).keys[0]).toEqual({ provider: 'anthropic', configured: false, masked_key: null });
  });

  it('a good key per provider is checked, stored 0600, shown masked, and the backend restarted with it', async () => {
    const before = w.host.backendPid();
    await w.call('saveProviderKey', 'anthropic', ANTHROPIC_KEY);
    const settings = await w.call('saveProviderKey', 'openai', OPENAI_KEY);
    expect(settings.keys).toEqual([
      { provider: 'anthropic', configured: true, masked_key: 'sk-ant-…WXYZ' },
      { provider: 'openai', configured: true, masked_key: 'sk-proj-…9876' },
    ]);
    expect(settings).toMatchObject({ storage: 'plaintext-file', storage_label: expect.stringContaining('unencrypted in a file only you can read (mode 0600)') });
    for (const file of ['anthropic-api-key.txt', 'openai-api-key.txt']) expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
    expect(w.host.backendPid()).not.toBe(before);
    expect(await w.backendEnv('ANTHROPIC_API_KEY')).toBe(ANTHROPIC_KEY);
    expect(await w.backendEnv('OPENAI_API_KEY')).toBe(OPENAI_KEY);
    expect(JSON.stringify(await w.call('getSnapshot'))).not.toContain(ANTHROPIC_KEY);
    expect(await w.call('verifyProviderKey', 'openai')).toMatchObject({ ok: true, upstream_status: 200 });
  });
});

describe('the library', () => {
  it('creates, reads, exports byte for byte, updates with a revision, deletes and restores', async () => {
    const created = (await w.call('createTest', { yaml: CAPITAL }, { id: 'capital' })) as StoredTest;
    expect(created).toMatchObject({ id: 'capital', kind: 'test', spec: { name: 'Capital of Australia' } });
    expect(await w.call('exportTest', 'capital')).toEqual({ id: 'capital', file_name: 'capital.yaml', yaml: CAPITAL, revision: created.revision });
    const edited = CAPITAL.replace('Capital of Australia', 'Capital of Australia (strict)');
    const updated = await w.call('updateTest', 'capital', { yaml: edited }, { revision: created.revision });
    expect((await w.refusal('updateTest', 'capital', { yaml: CAPITAL }, { revision: created.revision })).code).toBe('REVISION_CONFLICT');
    const deleted = await w.call('deleteTest', 'capital', { revision: updated.revision });
    expect((await w.refusal('getTest', 'capital')).code).toBe('TEST_NOT_FOUND');
    await w.call('createTest', { yaml: deleted.yaml }, { id: 'capital' });
    expect((await w.call('exportTest', 'capital')).yaml).toBe(edited);
    expect((await w.call('listTests', { q: 'strict' })).tests.map((test) => test.id)).toEqual(['capital']);
  });

  it('imports the starter templates as files: tests and the suite told apart, ids from the file names', async () => {
    const files = (await readdir(TEMPLATES_DIR)).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const imported = [];
    for (const file of files) imported.push(await w.call('importYaml', { file_name: file, yaml: await readFile(join(TEMPLATES_DIR, file), 'utf8') }));
    expect(imported.map((item) => `${item.kind}:${item.id}`)).toEqual(files.map((file) => `${file === 'starter-suite.yaml' ? 'suite' : 'test'}:${file.replace('.yaml', '')}`));
    // The same file again is imported beside the first (a free id from its name), never over it.
    const again = (await w.call('importYaml', { file_name: 'starter-suite.yaml', yaml: await readFile(join(TEMPLATES_DIR, 'starter-suite.yaml'), 'utf8') })) as StoredSuite;
    expect(again.kind).toBe('suite');
    expect(again.id).not.toBe('starter-suite');
    expect((await w.call('listTemplates')).map((template) => template.id).sort()).toEqual(files.map((file) => file.replace('.yaml', '')).sort());
  });

  it('a bad file is named with its line; a file that is not a test names the field', async () => {
    const broken = await w.refusal('importYaml', { file_name: 'broken.yaml', yaml: 'name: Broken\nmodel: claude-sonnet-4-6\ninputs:\n  query: a: b\n' });
    expect(broken).toMatchObject({ code: 'INVALID_YAML', details: { line: 4, column: 10 } });
    expect(broken.message).toMatch(/^broken\.yaml line 4, column 10: /);
    const misspelt = await w.refusal('importYaml', { file_name: 'typo.yaml', yaml: CAPITAL.replace('must_contain', 'must_contian') });
    expect(misspelt).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'test_spec.assertions[0].must_contian' } });
  });

  it('checks a draft without saving it: valid, a field it names, a line that does not parse', async () => {
    const filesBefore = await readdir(join(dir, 'data', 'workspace', 'tests'));
    expect(await w.call('validateDraft', { kind: 'test', yaml: CAPITAL })).toMatchObject({ valid: true });
    expect(await w.call('validateDraft', { kind: 'test', yaml: CAPITAL.replace('must_contain', 'must_contian') })).toMatchObject({
      valid: false,
      error: { code: 'VALIDATION_ERROR', status: 400, details: { field: 'test_spec.assertions[0].must_contian' } },
    });
    expect(await w.call('validateDraft', { kind: 'test', yaml: 'name: x\nmodel: m\ninputs:\n  query: a: b\n' })).toMatchObject({ valid: false, error: { code: 'INVALID_YAML', details: { line: 4, column: 10 } } });
    const suite = await readFile(join(TEMPLATES_DIR, 'starter-suite.yaml'), 'utf8');
    expect(await w.call('validateDraft', { kind: 'suite', yaml: suite })).toMatchObject({ valid: true });
    expect(await readdir(join(dir, 'data', 'workspace', 'tests'))).toEqual(filesBefore);
  });
});

describe('runs', () => {
  it('runs a library test as saved, and an unsaved edit of it recorded under its id', async () => {
    const saved = await w.call('execute', { test_id: 'capital' });
    expect(saved).toMatchObject({ success: true, test_id: 'capital', output: 'The capital of Australia is Canberra.' });
    const spec = (await w.call('getTest', 'capital')).spec;
    w.anthropic.setBehavior({ text: 'Sydney, probably.' }); // the edited prompt gets a worse answer
    const draft = await w.call('execute', { spec: { ...spec, name: 'Capital (edited)' }, test_id: 'capital' });
    w.anthropic.setBehavior({ text: 'The capital of Australia is Canberra.' });
    expect(draft).toMatchObject({ success: false, test_id: 'capital', name: 'Capital (edited)' });
    const page = await w.call('listRuns', { test_id: 'capital' });
    expect(page.runs.map((run) => run.id)).toEqual([draft.id, saved.id]);
    const comparison = await w.call('compareRuns', saved.id, draft.id);
    expect(comparison.regressed).toBe(true);
    expect((await w.call('listRuns', { passed: false })).runs.map((run) => run.id)).toContain(draft.id);
  });
});

describe('drafts', () => {
  it('are files in the data folder (0600), listed with their names, read back by a later launch', async () => {
    const draft = { kind: 'test' as const, id: 'capital', revision: null, yaml: `${CAPITAL}# still typing`, saved_at: new Date().toISOString() };
    await w.call('saveDraft', 'test:capital', draft);
    await w.call('saveDraft', 'new-test:0a1b2c3d4e5f', { ...draft, id: null, yaml: 'name: Half a test\nmodel: ' });
    expect(await w.call('loadDraft', 'test:capital')).toEqual(draft);
    const files = await readdir(join(dir, 'drafts'));
    expect(files.sort()).toEqual(['new-test@0a1b2c3d4e5f.json', 'test@capital.json']);
    expect((await stat(join(dir, 'drafts', 'test@capital.json'))).mode & 0o777).toBe(0o600);
    // What the next launch (a new host over the same folder) reads.
    expect(await new DraftStore(join(dir, 'drafts')).load('test:capital')).toEqual(draft);
    expect((await w.call('listDrafts')).map((summary) => [summary.key, summary.name])).toEqual(
      expect.arrayContaining([
        ['test:capital', 'Capital of Australia'],
        ['new-test:0a1b2c3d4e5f', 'Half a test'],
      ]),
    );
    expect((await w.refusal('saveDraft', '../escape', draft)).details).toEqual({ field: 'key' });
    await w.call('clearDraft', 'new-test:0a1b2c3d4e5f');
    expect(await w.call('loadDraft', 'new-test:0a1b2c3d4e5f')).toBeNull();
  });
});

describe('the workspace folder', () => {
  it('a relative path is refused at the field; another folder restarts the backend with SENTINEL_WORKSPACE; the default comes back', async () => {
    expect(await w.refusal('setWorkspaceFolder', 'prompts')).toMatchObject({ code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'workspace_dir' } });
    const folder = join(dir, 'git', 'prompts');
    const settings = await w.call('setWorkspaceFolder', folder);
    expect(settings).toMatchObject({ workspace_dir: folder, workspace_is_default: false });
    expect(await w.backendEnv('SENTINEL_WORKSPACE')).toBe(folder);
    expect((await w.call('listTests')).tests).toEqual([]);
    await w.call('createTest', { yaml: CAPITAL }, { id: 'elsewhere' });
    expect(await readFile(join(folder, 'tests', 'elsewhere.yaml'), 'utf8')).toBe(CAPITAL);
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))).toEqual({ workspace_dir: folder });
    const back = await w.call('setWorkspaceFolder', null);
    expect(back).toMatchObject({ workspace_dir: join(dir, 'data', 'workspace'), workspace_is_default: true });
    expect(await w.backendEnv('SENTINEL_WORKSPACE')).toBeUndefined();
    expect((await w.call('listTests')).tests.map((test) => test.id)).toContain('capital');
  });
});
