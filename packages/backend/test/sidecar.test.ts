import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheFileName } from '../src/launch/code-cache.js';
import { SIDECAR_BUNDLE_FILE_NAME, SIDECAR_FILE_NAME, sidecarFiles, sidecarPath } from '../src/sidecar-path.js';
import { startAnthropicStub, type AnthropicStub } from '../src/testing/index.js';
import { API_KEY, TOKEN, spec } from './helpers/app-fixture.js';
import { openSqliteStore, SQLITE_NATIVE_FILE_NAME } from '../src/store/index.js';
import { copySidecarToTempDir, killSidecars, listeningPort, sidecarNativePath, spawnSidecar } from './helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from './helpers/temp-dir.js';
import { legacyLine } from './store/helpers/records.js';

const stubs: AnthropicStub[] = [];

afterEach(async () => {
  await killSidecars();
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  await removeTempDirs();
});

async function sidecarEnv(extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; stub: AnthropicStub }> {
  const stub = await startAnthropicStub();
  stubs.push(stub);
  const dataDir = await makeTempDir('sentinel-data-');
  const env = {
    PORT: '0',
    SENTINEL_TOKEN: TOKEN,
    SUPERVISOR_INSTANCE_ID: 'sidecar-instance-1',
    ANTHROPIC_API_KEY: API_KEY,
    ANTHROPIC_BASE_URL: stub.url,
    SENTINEL_DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...extra,
  };
  return { env, stub };
}

function execute(port: number, body: unknown = { test_spec: spec() }): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/execution/execute`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the sidecar folder', () => {
  it('is at most 3 MB without the native SQLite file (and the code cache), which sit beside it', async () => {
    const program = sidecarFiles(dirname(sidecarPath), { codeCaches: false }).filter((file) => file !== SQLITE_NATIVE_FILE_NAME);
    const sizes = await Promise.all(program.map(async (file) => (await stat(join(dirname(sidecarPath), file))).size));
    expect(sizes.reduce((total, size) => total + size, 0)).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect((await stat(sidecarNativePath)).size).toBeGreaterThan(0);
  });

  it("holds of the Anthropic SDK only the parts called (src/providers/anthropic/sdk.ts): messages and models, not the SDK's other resources", async () => {
    const sdk = await readFile(join(dirname(sidecarPath), `${SIDECAR_BUNDLE_FILE_NAME}.vendor-anthropic-sdk.cjs`), 'utf8');
    expect(sdk).toContain('/v1/messages');
    expect(sdk).toContain('/v1/models');
    // The full client (`Anthropic`) builds these resources too; they would come with it.
    for (const unused of ['/v1/files', '/v1/skills', '/v1/organizations', '/v1/agents']) expect(sdk).not.toContain(unused);
  });

  it('is one folder: the launcher, the bundle, the packages it compiles on first use, its code cache and the native file', async () => {
    const file = await copySidecarToTempDir();
    const files = (await readdir(dirname(file))).sort();
    expect(files).toEqual(sidecarFiles().sort());
    expect(files).toEqual(
      expect.arrayContaining([
        SIDECAR_FILE_NAME,
        SIDECAR_BUNDLE_FILE_NAME,
        `${SIDECAR_BUNDLE_FILE_NAME}.vendor-anthropic-sdk.cjs`,
        `${SIDECAR_BUNDLE_FILE_NAME}.vendor-ajv.cjs`,
        codeCacheFileName(SIDECAR_BUNDLE_FILE_NAME),
        SQLITE_NATIVE_FILE_NAME,
      ]),
    );
    expect(sidecarFiles(undefined, { codeCaches: false })).not.toContain(codeCacheFileName(SIDECAR_BUNDLE_FILE_NAME));
  });

  it('runs with plain node from a directory without node_modules, binds 127.0.0.1 on PORT=0 and announces the port', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv({ LOG_LEVEL: 'error' });
    const sidecar = spawnSidecar(file, env);
    const announced = await sidecar.waitForLine((line) => line.event === 'listening');
    expect(announced).toMatchObject({ host: '127.0.0.1', url: `http://127.0.0.1:${announced.port}` });
    expect(announced.port).toBeGreaterThan(0);
    const health = await (await fetch(`http://127.0.0.1:${announced.port}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', instance: 'sidecar-instance-1', version: '0.1.0' });
    expect(sidecar.lines.filter((line) => line.includes('"level":30'))).toHaveLength(1);
  });

  it('executes a spec end to end, logs only JSON lines, and never logs the key or token', async () => {
    const file = await copySidecarToTempDir();
    const { env, stub } = await sidecarEnv();
    const sidecar = spawnSidecar(file, env);
    const port = await listeningPort(sidecar);
    const response = await execute(port);
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { id: string; success: boolean } };
    expect(result.success).toBe(true);
    expect(stub.requests[0]?.apiKey).toBe(API_KEY);
    await sidecar.waitForLine((line) => line.msg === 'request done' && line.route === '/api/execution/execute');
    const stored = await fetch(`http://127.0.0.1:${port}/api/runs/${result.id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await stored.json()) as { run: { id: string; saved: boolean } }).run).toMatchObject({ id: result.id, saved: true });
    sidecar.child.kill('SIGTERM');
    await sidecar.exited;
    for (const line of sidecar.lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const output = [...sidecar.lines, ...sidecar.stderr].join('\n');
    expect(output).not.toContain(API_KEY);
    expect(output).not.toContain(TOKEN);
    const { store } = await openSqliteStore({ dataDir: env.SENTINEL_DATA_DIR as string });
    expect(await store.getRun(result.id)).toMatchObject({ id: result.id, saved: true });
    await store.close();
  });

  it('keeps a run acknowledged right before a SIGKILL, and serves it after the restart', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv({ LOG_LEVEL: 'error' });
    const first = spawnSidecar(file, env);
    const response = await execute(await listeningPort(first));
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { id: string } };
    first.child.kill('SIGKILL');
    await first.exited;
    const second = spawnSidecar(file, env);
    const port = await listeningPort(second);
    const stored = await fetch(`http://127.0.0.1:${port}/api/runs/${result.id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(stored.status).toBe(200);
  });

  it('refuses to start with a fatal STORE_OPEN_FAILED line when the native file is missing from its folder', async () => {
    const file = await copySidecarToTempDir();
    await rm(join(dirname(file), SQLITE_NATIVE_FILE_NAME));
    const { env } = await sidecarEnv();
    const sidecar = spawnSidecar(file, env);
    expect((await sidecar.exited).code).toBe(1);
    const line = JSON.parse(sidecar.lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 60, code: 'STORE_OPEN_FAILED' });
    expect(line.msg).toContain(join(dirname(file), SQLITE_NATIVE_FILE_NAME));
  });

  it('on SIGTERM stops accepting, lets the in-flight run finish, and exits 0', async () => {
    const file = await copySidecarToTempDir();
    const { env, stub } = await sidecarEnv();
    let upstreamReached: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (upstreamReached = resolve));
    stub.setBehavior(() => {
      upstreamReached();
      return { text: 'France, slowly', delayMs: 800 };
    });
    const sidecar = spawnSidecar(file, env);
    const port = await listeningPort(sidecar);
    const inFlight = execute(port);
    await reached;
    sidecar.child.kill('SIGTERM');
    await sidecar.waitForLine((line) => line.msg === 'shutting down');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { output: string } }).result.output).toBe('France, slowly');
    expect(await sidecar.exited).toEqual({ code: 0, signal: null });
  });

  it('cuts in-flight requests at the drain bound and still exits', async () => {
    const file = await copySidecarToTempDir();
    const { env, stub } = await sidecarEnv({ SENTINEL_DRAIN_TIMEOUT_MS: '300' });
    let upstreamReached: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (upstreamReached = resolve));
    stub.setBehavior(() => {
      upstreamReached();
      return { hang: true };
    });
    const sidecar = spawnSidecar(file, env);
    const port = await listeningPort(sidecar);
    const inFlight = execute(port).then((response) => response.status, () => 'connection cut');
    await reached;
    sidecar.child.kill('SIGTERM');
    await sidecar.waitForLine((line) => line.msg === 'drain bound reached: cutting in-flight requests');
    expect(await sidecar.exited).toEqual({ code: 0, signal: null });
    expect(await inFlight).not.toBe(200);
  });

  it('exits when its parent goes away (stdin EOF, via the supervisor child helper)', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv({ SUPERVISOR_PARENT_PID: String(process.pid) });
    const sidecar = spawnSidecar(file, env);
    await listeningPort(sidecar);
    sidecar.child.stdin?.end();
    await sidecar.waitForLine((line) => line.msg === 'shutting down' && line.reason === 'parent gone');
    expect(await sidecar.exited).toEqual({ code: 0, signal: null });
  });

  it('exits when its parent goes away with its stdout reader gone too (a log write meeting EPIPE never stops the exit)', async () => {
    // The host SIGKILLed: stdin reaches EOF and nobody reads stdout any more. Each line the shutdown
    // logs meets EPIPE; pino's default asynchronous stdout spun on it in its exit hook (sonic-boom 4).
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv({ SUPERVISOR_PARENT_PID: String(process.pid) });
    const sidecar = spawnSidecar(file, env);
    await listeningPort(sidecar);
    sidecar.child.stdout?.destroy();
    sidecar.child.stdin?.end();
    expect(await sidecar.exited).toEqual({ code: 0, signal: null });
  });

  it('imports an old runs.jsonl (torn last line included) at its first start, keeps it as a backup and serves its runs', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv();
    const dataDir = env.SENTINEL_DATA_DIR as string;
    await writeFile(join(dataDir, 'runs.jsonl'), `${legacyLine()}\nnot json\n{"id":"ffffffffffff0000aaaaaaaa","name":"cut mid-wri`);
    const sidecar = spawnSidecar(file, env);
    const port = await listeningPort(sidecar);
    const imported = await sidecar.waitForLine((line) => typeof line.msg === 'string' && line.msg.startsWith('runs.jsonl imported'));
    expect(imported.legacyImport).toMatchObject({ imported: 1, unparseable: 1, torn: 1 });
    expect((await readdir(dataDir)).some((name) => name.startsWith('runs.jsonl.imported-'))).toBe(true);
    const runs = await fetch(`http://127.0.0.1:${port}/api/runs`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await runs.json()) as { runs: Array<{ id: string }> }).runs.map((run) => run.id)).toEqual(['019a9c1f3e2a0000d95b8fb3']);
  });

  it('refuses a malformed environment with exit 1 and a JSON line naming the variable', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv({ PORT: 'eighty' });
    const sidecar = spawnSidecar(file, env);
    expect((await sidecar.exited).code).toBe(1);
    const line = JSON.parse(sidecar.lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 60, code: 'CONFIG_ERROR' });
    expect(line.msg).toContain('PORT');
  });

  it('refuses a request without a Host header', async () => {
    const file = await copySidecarToTempDir();
    const { env } = await sidecarEnv();
    const sidecar = spawnSidecar(file, env);
    const port = await listeningPort(sidecar);
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /health HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toContain('403');
    expect(answer).toContain('FORBIDDEN_HOST');
  });
});
