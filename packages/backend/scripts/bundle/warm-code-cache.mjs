// Warm-up runs of each bundled program, with SENTINEL_WRITE_CODE_CACHE set: at exit each script
// it compiled writes its V8 code cache (src/launch/code-cache.ts), holding every function the run
// compiled. What a run does decides what the next starts skip compiling:
//   sidecar: first a run that executes a spec per provider and a suite run against the local
//            stubs, for the caches of the packages compiled on first use (both SDKs, Ajv, yaml,
//            RE2: a restart that resumes a suite run compiles them all); its cache of the bundle
//            itself is then deleted, and a second run only starts and answers /health, for the
//            bundle's cache (read at every start: a larger one costs its deserialization there);
//   CLI:     a suite of one Anthropic and one OpenAI case against the local stubs, so the run's
//            whole path and both SDKs are cached.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { CODE_CACHE_WRITE_VARIABLE, codeCacheFileName } from '../../dist/launch/code-cache.js';
import { SIDECAR_BUNDLE_FILE_NAME } from '../../dist/sidecar-path.js';
import { startAnthropicStub, startOpenAIStub } from '../../dist/testing/index.js';

const WARM_UP_DEADLINE_MS = 30_000;

function exitOf(child, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not finish within ${WARM_UP_DEADLINE_MS} ms`));
    }, WARM_UP_DEADLINE_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

function getStatus(port, path) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    })
      .once('error', reject)
      .end();
  });
}

const WARM_UP_TOKEN = 'warm-up';

/** Starts the sidecar on a free port; resolves once it announced the port. */
async function startSidecar(launcher, env) {
  const child = spawn(process.execPath, [launcher], { env: { PATH: process.env.PATH, PORT: '0', SENTINEL_TOKEN: WARM_UP_TOKEN, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = exitOf(child, 'the sidecar warm-up');
  let port;
  for await (const line of createInterface({ input: child.stdout })) {
    const entry = JSON.parse(line);
    if (entry.event === 'listening') {
      port = entry.port;
      break;
    }
  }
  child.stdout.resume();
  if (port === undefined) throw new Error(`the sidecar warm-up exited before listening (${JSON.stringify(await exited)})`);
  const stop = async () => {
    child.kill('SIGTERM');
    const { code } = await exited;
    if (code !== 0) throw new Error(`the sidecar warm-up exited with ${code}`);
  };
  return { port, stop };
}

async function api(port, method, path, body) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${WARM_UP_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the sidecar warm-up: ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

const warmSpec = (name, model) => ({ name, model, inputs: { query: 'warm up' }, assertions: [{ must_contain: 'Stub' }, { regex_match: '^Stub' }, { max_length: 200 }] });

/** The engine's path: an execute per provider and a suite run, so every package compiled on first use is. */
async function exerciseEngine(port) {
  await api(port, 'POST', '/api/execution/execute', { test_spec: warmSpec('anthropic', 'claude-sonnet-4-6') });
  await api(port, 'POST', '/api/execution/execute', { test_spec: warmSpec('openai', 'gpt-4o-mini') });
  const { suite_run: started } = await api(port, 'POST', '/api/suite-runs', { suite: { name: 'warm-up', tests: [warmSpec('a', 'claude-sonnet-4-6'), warmSpec('b', 'gpt-4o-mini')] } });
  const deadline = Date.now() + WARM_UP_DEADLINE_MS;
  while ((await api(port, 'GET', `/api/suite-runs/${started.id}`)).suite_run.status === 'running') {
    if (Date.now() > deadline) throw new Error('the sidecar warm-up suite run did not finish');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The sidecar, twice: the engine's run for the lazily compiled packages' caches, then (its bundle
 * cache deleted) a start that answers /health, for the bundle's own.
 */
export async function warmSidecarCodeCache({ launcher, cacheDir }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-warm-sidecar-'));
  const anthropic = await startAnthropicStub();
  const openai = await startOpenAIStub();
  try {
    const keys = { ANTHROPIC_API_KEY: 'sk-warm-up', ANTHROPIC_BASE_URL: anthropic.url, OPENAI_API_KEY: 'sk-warm-up', OPENAI_BASE_URL: openai.baseUrl };
    const engine = await startSidecar(launcher, { SENTINEL_DATA_DIR: join(dataDir, 'engine'), ...keys, [CODE_CACHE_WRITE_VARIABLE]: cacheDir });
    await exerciseEngine(engine.port);
    await engine.stop();
    await rm(join(cacheDir, codeCacheFileName(SIDECAR_BUNDLE_FILE_NAME)), { force: true });

    const health = await startSidecar(launcher, { SENTINEL_DATA_DIR: join(dataDir, 'health'), [CODE_CACHE_WRITE_VARIABLE]: cacheDir });
    const status = await getStatus(health.port, '/health');
    await health.stop();
    if (status !== 200) throw new Error(`the sidecar warm-up answered /health with ${status}`);
  } finally {
    await Promise.all([anthropic.close(), openai.close()]);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The CLI: `sentinel run` of a two-case suite (one case per provider) against the local stubs. */
export async function warmCliCodeCache({ launcher, cacheDir }) {
  const dir = await mkdtemp(join(tmpdir(), 'sentinel-warm-cli-'));
  const anthropic = await startAnthropicStub();
  // A JSON answer, so the OpenAI case's JSON-schema assertion passes (and Ajv is compiled and cached).
  const openai = await startOpenAIStub({ behavior: { text: '{"stub": "reply"}' } });
  try {
    // Each package the CLI compiles on first use is used once, so each gets its code cache: both
    // SDKs, yaml (the file is read as YAML), RE2 (a regex), Ajv (a JSON schema).
    const suite = {
      name: 'code cache warm-up',
      tests: [
        { name: 'anthropic', model: 'claude-sonnet-4-6', inputs: { query: 'warm up' }, assertions: [{ must_contain: 'Stub' }, { regex_match: '^Stub' }] },
        { name: 'openai', model: 'gpt-4o-mini', inputs: { query: 'warm up' }, assertions: [{ must_contain: 'stub' }, { max_length: 200 }, { is_json: { schema: { type: 'object', required: ['stub'] } } }] },
      ],
    };
    await writeFile(join(dir, 'warm-up.yaml'), JSON.stringify(suite));
    const env = {
      PATH: process.env.PATH,
      ANTHROPIC_API_KEY: 'sk-warm-up',
      ANTHROPIC_BASE_URL: anthropic.url,
      OPENAI_API_KEY: 'sk-warm-up',
      OPENAI_BASE_URL: openai.baseUrl,
      [CODE_CACHE_WRITE_VARIABLE]: cacheDir,
    };
    const child = spawn(process.execPath, [launcher, 'run', 'warm-up.yaml', '--quiet', '--data-dir', join(dir, 'data'), '--json', join(dir, 'report.json')], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const { code } = await exitOf(child, 'the CLI warm-up');
    if (code !== 0) throw new Error(`the CLI warm-up run exited with ${code}`);
  } finally {
    await Promise.all([anthropic.close(), openai.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}
