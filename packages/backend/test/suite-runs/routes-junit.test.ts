import { afterEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../src/client/index.js';
import { TOKEN, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { readJUnit } from '../cli/helpers/junit.js';
import { suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

describe('GET /api/suite-runs/:id/junit', () => {
  it('exports a suite run as well-formed JUnit: passes, failures with the assertion message, errors with the code', async () => {
    const { app, stub } = await startAppFixture();
    const client = createBackendClient({ baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }), token: TOKEN });
    stub.setBehavior((request) => (JSON.stringify(request.body).includes('question 2') ? { error: { status: 400, message: 'bad request <&>' } } : {}));
    const started = await client.startSuiteRun({ suite: suiteOf(3, { mustContain: (index) => (index === 1 ? 'Zebra' : 'Stub reply') }) });
    for await (const event of client.watchSuiteRun(started.id)) if (event.type === 'end') break;
    const xml = await client.exportSuiteRunJUnit(started.id);
    const junit = readJUnit(xml);
    expect(junit.totals).toEqual({ tests: 3, failures: 1, errors: 1, skipped: 0 });
    expect(junit.suites[0]?.name).toBe('Stub suite');
    expect(junit.suites[0]?.cases.map((entry) => [entry.name, entry.outcome])).toEqual([['case-0', 'passed'], ['case-1', 'failure'], ['case-2', 'error']]);
    expect(junit.suites[0]?.cases[1]?.message).toMatch(/does not contain "Zebra"/);
    expect(junit.suites[0]?.cases[2]?.message).toMatch(/^UPSTREAM_ERROR: .*bad request <&>/);
    const response = await fetch(`${app.listeningOrigin}/api/suite-runs/${started.id}/junit`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`sentinel-${started.id}.junit.xml`);
  });

  it('a cancelled run: the cases that never ran are skipped, saying why; an unknown run is 404', async () => {
    const { app, stub } = await startAppFixture();
    const client = createBackendClient({ baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }), token: TOKEN });
    stub.setBehavior({ hang: true });
    const started = await client.startSuiteRun({ suite: suiteOf(6), concurrency: 1 });
    await client.cancelSuiteRun(started.id);
    const junit = readJUnit(await client.exportSuiteRunJUnit(started.id));
    expect(junit.totals).toMatchObject({ tests: 6, skipped: 6 });
    expect(junit.suites[0]?.cases[5]?.message).toBe('not run: the suite run was cancelled before it started');
    await expect(client.exportSuiteRunJUnit('0000000000000000aaaaaaaa')).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND', status: 404 });
  });
});
