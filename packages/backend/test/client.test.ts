import { build } from 'esbuild';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendHttpError,
  BackendTimeoutError,
  BackendUnavailableError,
  RunInterruptedError,
  createBackendClient,
} from '../src/client/index.js';
import type { TestSpec } from '../src/contract/spec.js';
import { TOKEN, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { copySidecarToTempDir, killSidecars, listeningPort, spawnSidecar } from './helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from './helpers/temp-dir.js';
import { startAnthropicStub, type AnthropicStub } from '../src/testing/index.js';
import { API_KEY } from './helpers/app-fixture.js';

const stubs: AnthropicStub[] = [];

afterEach(async () => {
  await killSidecars();
  await closeFixtures();
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  await removeTempDirs();
});

const testSpec = spec() as unknown as TestSpec;

async function listeningApp(): Promise<{ url: string; stub: AnthropicStub }> {
  const { app, stub } = await startAppFixture();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, stub };
}

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return { calls, fetch: (input, init) => (calls.push(String(input)), fetch(input, init)) };
}

describe('createBackendClient against the real server', () => {
  it('does health, execute, listRuns and getRun', async () => {
    const { url } = await listeningApp();
    const client = createBackendClient({ baseUrl: url, token: TOKEN });
    expect(await client.health()).toMatchObject({ status: 'ok', instance: 'instance-test-1' });
    const result = await client.execute(testSpec);
    expect(result.success).toBe(true);
    const page = await client.listRuns({ limit: 10 });
    expect(page.runs.map((run) => run.id)).toEqual([result.id]);
    expect(await client.getRun(result.id)).toEqual(result);
  });

  it('rejects with BackendHttpError carrying the code, status and details', async () => {
    const { url } = await listeningApp();
    const wrongToken = createBackendClient({ baseUrl: url, token: 'nope' });
    await expect(wrongToken.listRuns()).rejects.toMatchObject({ name: 'BackendHttpError', code: 'UNAUTHORIZED', status: 401 });
    const client = createBackendClient({ baseUrl: url, token: () => TOKEN });
    const error = await client.execute({ ...testSpec, name: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackendHttpError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', status: 400, details: { field: 'test_spec.name' } });
  });

  it('waits for whenConnected and retries an idempotent GET once after a connection failure', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    let current = dead;
    let waits = 0;
    const counting = countingFetch();
    const client = createBackendClient({
      getBaseUrl: () => current,
      token: TOKEN,
      fetch: counting.fetch,
      whenConnected: async () => {
        waits += 1;
        if (waits === 2) current = (await listeningApp()).url;
      },
    });
    const page = await client.listRuns();
    expect(page).toEqual({ runs: [], next_cursor: null });
    expect(waits).toBe(2);
    expect(counting.calls).toHaveLength(2);
    expect(counting.calls[0]?.startsWith(dead)).toBe(true);
  });

  it('gives up with BackendUnavailableError after the one retry', async () => {
    const counting = countingFetch();
    const client = createBackendClient({ baseUrl: `http://127.0.0.1:${await deadPort()}`, fetch: counting.fetch });
    await expect(client.health()).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(counting.calls).toHaveLength(2);
  });

  it('rejects with BackendTimeoutError when whenConnected never resolves (every request has a deadline)', async () => {
    const client = createBackendClient({ baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 100, whenConnected: () => new Promise(() => undefined) });
    const error = await client.getRun('0000000000000000aaaaaaaa').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackendTimeoutError);
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT', timeoutMs: 100 });
  });

  it('rejects an execute that outlives its deadline with BackendTimeoutError', async () => {
    const { url, stub } = await listeningApp();
    stub.setBehavior({ hang: true });
    const client = createBackendClient({ baseUrl: url, token: TOKEN, executeTimeoutMs: 200 });
    await expect(client.execute(testSpec)).rejects.toBeInstanceOf(BackendTimeoutError);
  });

  it('resends an execute that never reached the backend (connection refused)', async () => {
    let current = `http://127.0.0.1:${await deadPort()}`;
    let waits = 0;
    const client = createBackendClient({
      getBaseUrl: () => current,
      token: TOKEN,
      whenConnected: async () => {
        waits += 1;
        if (waits === 2) current = (await listeningApp()).url;
      },
    });
    expect((await client.execute(testSpec)).success).toBe(true);
  });

  it('rejects an execute cut off by a crash with RunInterruptedError, never resending it', async () => {
    const stub = await startAnthropicStub();
    stubs.push(stub);
    let upstreamReached: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (upstreamReached = resolve));
    stub.setBehavior(() => (upstreamReached(), { hang: true }));
    const file = await copySidecarToTempDir();
    const sidecar = spawnSidecar(file, {
      PORT: '0',
      SENTINEL_TOKEN: TOKEN,
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: stub.url,
      SENTINEL_DATA_DIR: await makeTempDir(),
    });
    const port = await listeningPort(sidecar);
    const counting = countingFetch();
    const client = createBackendClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, fetch: counting.fetch });
    const pending = client.execute(testSpec).catch((caught: unknown) => caught);
    await reached;
    sidecar.child.kill('SIGKILL');
    const error = await pending;
    expect(error).toBeInstanceOf(RunInterruptedError);
    expect((error as Error).message).toContain('interrupted');
    expect(counting.calls).toHaveLength(1);
    expect(stub.requests).toHaveLength(1);
  });

  it('throws TypeError for bad options', () => {
    expect(() => createBackendClient({})).toThrow(TypeError);
    expect(() => createBackendClient({ baseUrl: 'http://x', getBaseUrl: () => 'http://y' })).toThrow(/baseUrl/);
    expect(() => createBackendClient({ baseUrl: 'http://x', requestTimeoutMs: 0 })).toThrow(/requestTimeoutMs/);
  });

  it('is browser-safe: the built client bundles for the browser with no Node built-ins', async () => {
    const entry = fileURLToPath(new URL('../dist/client/index.js', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('createBackendClient');
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });
});
