import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { call, closeApps, startLibraryApp } from './app-fixture.js';
import { testValue } from './library-fixture.js';

afterEach(async () => {
  await closeApps();
  await removeTempDirs();
});

const SUITE_YAML = `# nightly checks
name: Nightly
version: "2"
tags: [nightly]
defaults:
  model: claude-sonnet-4-6
  category: qa
tests:
  - name: capital
    inputs:
      query: Capital of France?
    assertions:
      - must_contain: Paris   # the one fact that matters
`;

function suiteValue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { model: _model, ...test } = testValue();
  return { name: 'Weekly', defaults: { model: 'claude-sonnet-4-6' }, tests: [test], ...overrides };
}

describe('/api/suites', () => {
  it('creates from YAML (kept as written) and JSON, reads, filters, exports, updates and deletes', async () => {
    const { app, workspace } = await startLibraryApp();
    const created = await call(app, 'POST', '/api/suites', SUITE_YAML);
    expect(created.statusCode).toBe(201);
    const { suite } = created.json();
    expect(suite).toMatchObject({ id: 'nightly', kind: 'suite', path: 'suites/nightly.yaml', suite: { name: 'Nightly', version: '2' } });
    expect(await readFile(join(workspace, 'suites', 'nightly.yaml'), 'utf8')).toBe(SUITE_YAML);
    const weekly = (await call(app, 'POST', '/api/suites', { suite: suiteValue() })).json().suite;
    expect(weekly.id).toBe('weekly');
    expect((await call(app, 'GET', '/api/suites/nightly')).json()).toEqual({ suite });
    expect((await call(app, 'GET', '/api/suites')).json().suites.map((item: { id: string }) => item.id)).toEqual(['nightly', 'weekly']);
    expect((await call(app, 'GET', '/api/suites?tag=nightly')).json().suites.map((item: { id: string }) => item.id)).toEqual(['nightly']);
    expect((await call(app, 'GET', '/api/suites?category=QA')).json().suites.map((item: { id: string }) => item.id)).toEqual(['nightly']);
    expect((await call(app, 'GET', '/api/suites?q=week')).json().suites.map((item: { id: string }) => item.id)).toEqual(['weekly']);
    expect((await call(app, 'GET', '/api/suites/nightly?format=yaml')).body).toBe(SUITE_YAML);
    const updated = await call(app, 'PUT', '/api/suites/weekly', { suite: suiteValue({ name: 'Weekly, renamed' }), revision: weekly.revision });
    expect(updated.json().suite).toMatchObject({ id: 'weekly', suite: { name: 'Weekly, renamed' } });
    const stale = await call(app, 'PUT', `/api/suites/weekly?revision=${weekly.revision}`, SUITE_YAML);
    expect(stale.json().error).toMatchObject({ code: 'REVISION_CONFLICT', revision: updated.json().suite.revision });
    const deleted = (await call(app, 'DELETE', '/api/suites/nightly')).json().deleted;
    expect(deleted).toMatchObject({ id: 'nightly', kind: 'suite', path: 'suites/nightly.yaml', yaml: SUITE_YAML });
    expect((await call(app, 'GET', '/api/suites/nightly')).json().error).toMatchObject({ code: 'SUITE_NOT_FOUND', id: 'nightly' });
  });

  it('names the field of an invalid suite and refuses a test sent as a suite', async () => {
    const { app } = await startLibraryApp();
    const unknown = await call(app, 'POST', '/api/suites', { suite: suiteValue({ schedule: 'daily' }) });
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'suite.schedule' });
    const test = await call(app, 'POST', '/api/suites', 'name: t\nmodel: claude-sonnet-4-6\ninputs:\n  query: q\nassertions:\n  - must_contain: a\n');
    expect(test.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'suite.tests' });
    expect(test.json().error.message).toContain('is a test');
    const badYaml = await call(app, 'POST', '/api/suites', 'name: S\ntests:\n  - name: a: b\n');
    expect(badYaml.json().error).toMatchObject({ code: 'INVALID_YAML', line: 3 });
  });
});
