import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicStub, startOpenAIStub } from '../../src/testing/index.js';
import { copySidecarToTempDir, killSidecars, listeningPort, spawnSidecar } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { ANTHROPIC_KEY, OPENAI_KEY } from './helpers/provider-fixture.js';

const helpers = fileURLToPath(new URL('./helpers/', import.meta.url));
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await killSidecars();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await removeTempDirs();
});

/** Starts the app in a child process that logs every module it resolves; resolves with its port. */
async function startChild(env: Record<string, string>): Promise<number> {
  const child: ChildProcess = spawn(process.execPath, ['--import', join(helpers, 'ts-loader.mjs'), join(helpers, 'lazy-app.ts')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  return new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as { event?: string; port?: number };
      if (parsed.event === 'listening' && parsed.port !== undefined) resolve(parsed.port);
    });
    void exited.then(() => reject(new Error(`the app exited before listening:\n${stderr.join('\n')}`)));
  });
}

/** Which of the two SDKs the child has resolved so far. */
async function loadedSdks(log: string): Promise<string[]> {
  const urls = (await readFile(log, 'utf8')).split('\n');
  const sdks = { anthropic: '/node_modules/@anthropic-ai/sdk/', openai: '/node_modules/openai/' };
  return Object.entries(sdks).filter(([, path]) => urls.some((url) => url.includes(path))).map(([name]) => name);
}

describe('each provider SDK is loaded on first use, not at startup', () => {
  it('a fresh app that answers /health has loaded neither SDK; a key check loads only its own', async () => {
    const anthropic = await startAnthropicStub();
    const openai = await startOpenAIStub();
    cleanups.push(() => anthropic.close(), () => openai.close());
    const dir = await makeTempDir();
    const log = join(dir, 'resolved.log');
    const port = await startChild({
      SENTINEL_RESOLVE_LOG: log,
      DATA_DIR: join(dir, 'data'),
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      ANTHROPIC_BASE_URL: anthropic.baseUrl,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: openai.baseUrl,
    });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/providers`)).status).toBe(200);
    const resolved = await readFile(log, 'utf8');
    expect(resolved).toContain('/node_modules/fastify/');
    expect(resolved).toContain('/src/providers/registry.ts');
    expect(await loadedSdks(log)).toEqual([]);

    // The control: the same probe sees an SDK once its provider is used.
    const verify = (name: string) => fetch(`${base}/api/providers/${name}/verify`, { method: 'POST' }).then((response) => response.json());
    expect(await verify('anthropic')).toMatchObject({ verification: { ok: true } });
    expect(await loadedSdks(log)).toEqual(['anthropic']);
    expect(await verify('openai')).toMatchObject({ verification: { ok: true } });
    expect(await loadedSdks(log)).toEqual(['anthropic', 'openai']);
  });
});

/** The vendor groups the bundled sidecar has compiled so far (see helpers/trace-vendors.mjs). */
async function compiledVendors(log: string): Promise<string[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return [...new Set(text.split('\n').filter((name) => name !== ''))].sort();
}

describe('the bundled sidecar compiles each package it embeds on first use, not at startup', () => {
  it('answers /health and lists providers with no SDK, Ajv, yaml or re2js compiled; each request compiles only what it needs', async () => {
    const anthropic = await startAnthropicStub();
    const openai = await startOpenAIStub();
    cleanups.push(() => anthropic.close(), () => openai.close());
    const dir = await makeTempDir();
    const log = join(dir, 'vendors.log');
    const sidecar = spawnSidecar(await copySidecarToTempDir(), {
      PORT: '0',
      SENTINEL_DATA_DIR: join(dir, 'data'),
      NODE_OPTIONS: `--import=${join(helpers, 'trace-vendors.mjs')}`,
      SENTINEL_VENDOR_LOG: log,
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      ANTHROPIC_BASE_URL: anthropic.baseUrl,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: openai.baseUrl,
    });
    const base = `http://127.0.0.1:${await listeningPort(sidecar)}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/providers`)).status).toBe(200);
    expect(await compiledVendors(log)).toEqual([]);

    // The control: the same probe sees each package once a request needs it.
    const verify = (name: string) => fetch(`${base}/api/providers/${name}/verify`, { method: 'POST' }).then((response) => response.json());
    expect(await verify('anthropic')).toMatchObject({ verification: { ok: true } });
    expect(await compiledVendors(log)).toEqual(['ajv', 'anthropic-sdk']);
    const spec = { name: 'lazy', model: 'gpt-4.1', inputs: { query: 'hi' }, assertions: [{ regex: 'Stub' }] };
    const executed = await fetch(`${base}/api/execution/execute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ test_spec: spec }) });
    expect(executed.status).toBe(200);
    // A JSON spec is never read as YAML: yaml stays uncompiled until a YAML document comes.
    expect(await compiledVendors(log)).toEqual(['ajv', 'anthropic-sdk', 'openai', 're2js']);
    const yamlBody = 'name: lazy yaml\nmodel: gpt-4.1\ninputs: { query: hi }\nassertions: [{ must_contain: Stub }]\n';
    const validated = await fetch(`${base}/api/validate`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yamlBody });
    expect(validated.status).toBe(200);
    expect(await compiledVendors(log)).toEqual(['ajv', 'anthropic-sdk', 'openai', 're2js', 'yaml']);
  });
});
