import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendApp } from '../../src/app/create-app.js';
import { readConfig } from '../../src/config/env.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { call, closeApps, startLibraryApp } from './app-fixture.js';
import { testValue } from './library-fixture.js';

afterEach(async () => {
  await closeApps();
  await removeTempDirs();
});

describe('the workspace folder', () => {
  it('is SENTINEL_WORKSPACE when set, else left to the app (<data dir>/workspace)', () => {
    expect(readConfig({ SENTINEL_DATA_DIR: '/tmp/data', SENTINEL_WORKSPACE: '/home/me/prompts' }).workspaceDir).toBe('/home/me/prompts');
    expect(readConfig({ SENTINEL_DATA_DIR: '/tmp/data', SENTINEL_WORKSPACE: '  ' }).workspaceDir).toBeUndefined();
    expect(readConfig({ SENTINEL_DATA_DIR: '/tmp/data' }).workspaceDir).toBeUndefined();
  });

  it('defaults to <data dir>/workspace, created on the first save only', async () => {
    const { app, dataDir } = await startLibraryApp();
    expect(await readdir(dataDir)).not.toContain('workspace');
    expect((await call(app, 'GET', '/api/tests')).json()).toEqual({ tests: [], broken: [] });
    await call(app, 'POST', '/api/tests', { test_spec: testValue() });
    expect(await readdir(join(dataDir, 'workspace', 'tests'))).toEqual(['capital-of-france.yaml']);
  });

  it('is the workspaceDir option when given', async () => {
    const workspace = join(await makeTempDir('sentinel-repo-'), 'nested', 'prompts');
    const { app, dataDir } = await startLibraryApp({ workspaceDir: workspace });
    await call(app, 'POST', '/api/tests', { test_spec: testValue() });
    expect(await readdir(join(workspace, 'tests'))).toEqual(['capital-of-france.yaml']);
    expect(await readdir(dataDir)).not.toContain('workspace');
  });

  it('refuses an empty workspaceDir option, naming it', async () => {
    await expect(createBackendApp({ dataDir: await makeTempDir(), workspaceDir: '', logger: false })).rejects.toThrow(/"workspaceDir"/);
  });
});
