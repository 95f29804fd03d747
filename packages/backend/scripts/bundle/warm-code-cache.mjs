// One warm-up run of each bundled program, with SENTINEL_WRITE_CODE_CACHE set: at exit each script
// it compiled writes its V8 code cache (src/launch/code-cache.ts), holding every function the run
// compiled. What a run does decides what the next starts skip compiling:
//   sidecar: start and answer /health, nothing more (the cache is read at every start: a larger
//            one costs its deserialization there);
//   CLI:     a suite of one Anthropic and one OpenAI case against the local stubs, so the run's
//            whole path and both SDKs are cached.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CODE_CACHE_WRITE_VARIABLE } from '../../dist/launch/code-cache.js';
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

/** The sidecar: started on a free port, asked for /health once, stopped with SIGTERM. */
export async function warmSidecarCodeCache({ launcher, cacheDir }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-warm-sidecar-'));
  try {
    const env = { PATH: process.env.PATH, PORT: '0', SENTINEL_DATA_DIR: dataDir, SENTINEL_TOKEN: 'warm-up', [CODE_CACHE_WRITE_VARIABLE]: cacheDir };
    const child = spawn(process.execPath, [launcher], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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
    const status = await getStatus(port, '/health');
    child.kill('SIGTERM');
    const { code } = await exited;
    if (status !== 200 || code !== 0) throw new Error(`the sidecar warm-up answered /health with ${status} and exited with ${code}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The CLI: `sentinel run` of a two-case suite (one case per provider) against the local stubs. */
export async function warmCliCodeCache({ launcher, cacheDir }) {
  const dir = await mkdtemp(join(tmpdir(), 'sentinel-warm-cli-'));
  const anthropic = await startAnthropicStub();
  const openai = await startOpenAIStub();
  try {
    const suite = {
      name: 'code cache warm-up',
      tests: [
        { name: 'anthropic', model: 'claude-sonnet-4-6', inputs: { query: 'warm up' }, assertions: [{ must_contain: 'Stub' }, { regex_match: '^Stub' }] },
        { name: 'openai', model: 'gpt-4o-mini', inputs: { query: 'warm up' }, assertions: [{ must_contain: 'Stub' }, { max_length: 200 }] },
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
