import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor } from '@sentinel/supervisor';
import { sidecarPath } from '@sentinel/backend';
import { createBackendClient, BackendHttpError } from '@sentinel/backend/client';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { isAlive } from '../src/proc/proc-table.js';
import { descendants } from '../src/faults/signals.js';

let supervisor: Supervisor | undefined;
let stub: AnthropicStub | undefined;
let dir: string | undefined;

afterEach(async () => {
  await supervisor?.stop();
  await stub?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  supervisor = undefined;
  stub = undefined;
  dir = undefined;
});

const spec = { name: 'capital', model: 'claude-e2e', inputs: { query: 'What is the capital of France? Paris?' }, assertions: [{ must_contain: 'Paris' }] };

describe('bundled backend under the real supervisor, through the real client', () => {
  it('starts, runs a spec, survives a restart with its history, stops leaving nothing behind', async () => {
    stub = await startAnthropicStub();
    dir = await mkdtemp(join(tmpdir(), 'sentinel-e2e-'));
    const token = randomBytes(24).toString('base64url');
    const sup = new Supervisor({
      name: 'e2e-backend',
      command: process.execPath,
      args: [sidecarPath],
      env: { SENTINEL_TOKEN: token, ANTHROPIC_API_KEY: 'sk-ant-e2e-stub', ANTHROPIC_BASE_URL: stub.url, SENTINEL_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' },
      port: 'auto',
      readiness: { http: '/health', timeoutMs: 30_000, requireInstanceId: true },
      health: { http: '/health', intervalMs: 500, timeoutMs: 1_000, failureThreshold: 3, requireInstanceId: true },
      restart: { initialDelayMs: 50, factor: 2, maxDelayMs: 500, jitter: 0.1, resetAfterMs: 5_000, maxRestarts: 5, windowMs: 60_000 },
      stop: { signal: 'SIGTERM', timeoutMs: 5_000 },
      runtimeDir: join(dir, 'runtime'),
    });
    supervisor = sup;
    const pids: number[] = [];
    sup.on('spawn', ({ pid }) => pids.push(pid));
    const whenConnected = () => (sup.state === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => sup.once('ready', () => resolve())));
    const client = createBackendClient({ getBaseUrl: () => sup.snapshot().url, token, whenConnected, requestTimeoutMs: 10_000, executeTimeoutMs: 30_000 });

    const first = await sup.start();
    const health = await client.health();
    expect(health).toMatchObject({ status: 'ok', instance: sup.snapshot().instanceId });

    const run = await client.execute(spec);
    expect(run).toMatchObject({ name: 'capital', success: true });
    expect(run.output).toContain('Paris');
    expect(stub.requests).toHaveLength(1);

    const stranger = createBackendClient({ baseUrl: first.url, requestTimeoutMs: 10_000 });
    await expect(stranger.listRuns()).rejects.toBeInstanceOf(BackendHttpError);

    const readyAgain = new Promise<{ pid: number }>((resolve) => sup.once('ready', resolve));
    process.kill(first.pid, 'SIGKILL');
    const second = await readyAgain;
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(first.pid)).toBe(false);

    const page = await client.listRuns();
    expect(page.runs.map((r) => r.id)).toContain(run.id);
    expect((await client.getRun(run.id)).output).toBe(run.output);

    const tree = [second.pid, ...descendants(second.pid)];
    await sup.stop();
    expect(sup.state).toBe('stopped');
    expect([...pids, ...tree].filter((pid) => isAlive(pid))).toEqual([]);
  });
});
