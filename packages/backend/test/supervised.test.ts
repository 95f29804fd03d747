import { Supervisor, isProcessGone } from '@sentinel/supervisor';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../src/client/index.js';
import type { TestSpec } from '../src/contract/spec.js';
import { startAnthropicStub, type AnthropicStub } from '../src/testing/index.js';
import { API_KEY, TOKEN, spec } from './helpers/app-fixture.js';
import { copySidecarToTempDir } from './helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from './helpers/temp-dir.js';

const supervisors: Supervisor[] = [];
const stubs: AnthropicStub[] = [];

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((supervisor) => supervisor.stop()));
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  await removeTempDirs();
});

describe('the bundle under the real Supervisor', () => {
  it('executes a spec, is SIGKILLed right after the response, restarts, and still has the run', async () => {
    const stub = await startAnthropicStub({ behavior: { text: 'Paris is in France.' } });
    stubs.push(stub);
    const file = await copySidecarToTempDir();
    const supervisor = new Supervisor({
      name: 'sentinel-backend-test',
      command: process.execPath,
      args: [file],
      cwd: dirname(file),
      env: {
        SENTINEL_TOKEN: TOKEN,
        ANTHROPIC_API_KEY: API_KEY,
        ANTHROPIC_BASE_URL: stub.url,
        SENTINEL_DATA_DIR: await makeTempDir('sentinel-data-'),
        LOG_LEVEL: 'info',
      },
      port: 'auto',
      readiness: { http: '/health', requireInstanceId: true, timeoutMs: 30_000 },
      health: { http: '/health', requireInstanceId: true, intervalMs: 1_000, timeoutMs: 2_000, failureThreshold: 3 },
      restart: { initialDelayMs: 50, maxRestarts: 5, windowMs: 60_000 },
      stop: { signal: 'SIGTERM', timeoutMs: 5_000 },
      runtimeDir: await makeTempDir('sentinel-runtime-'),
    });
    supervisors.push(supervisor);
    const first = await supervisor.start();
    const client = createBackendClient({ getBaseUrl: () => supervisor.snapshot().url, token: TOKEN });

    const result = await client.execute(spec() as unknown as TestSpec);
    const restarted = new Promise<{ pid: number; attempt: number }>((resolve) => supervisor.once('ready', resolve));
    process.kill(first.pid, 'SIGKILL');
    const second = await restarted;

    expect(second.pid).not.toBe(first.pid);
    expect(second.attempt).toBe(2);
    expect(isProcessGone(first.pid)).toBe(true);
    expect(await client.getRun(result.id)).toEqual(result);
    expect((await client.listRuns()).runs.map((run) => run.id)).toEqual([result.id]);
    expect((await client.health()).instance).toBe(supervisor.snapshot().instanceId);

    const exits: Array<{ pid: number; code: number | null; signal: string | null; reason: string }> = [];
    supervisor.on('exit', (exit) => exits.push(exit));
    await supervisor.stop();
    expect(isProcessGone(second.pid)).toBe(true);
    expect(exits).toEqual([expect.objectContaining({ pid: second.pid, code: 0, signal: null, reason: 'stopped' })]);
  });
});
