// The same suite through `sentinel run` as a whole process: spawn of `node bin/sentinel.cjs run` to
// its exit (startup, file loading, SQLite, every case, the report), and its peak resident memory;
// against a baseline measured in the same rounds: a plain Node client making the same calls.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/stats.mjs';
import { benchSuite, wallAgainstIdeal } from './lib/suites.mjs';

const LAUNCHER = fileURLToPath(new URL('../bin/sentinel.cjs', import.meta.url));
const REPORT_MAX_RSS = fileURLToPath(new URL('./lib/report-max-rss.cjs', import.meta.url));
const PLAIN_CLIENT = fileURLToPath(new URL('./lib/plain-client.cjs', import.meta.url));

/** Spawn to exit of the plain client (bench/lib/plain-client.cjs) making the same calls. */
async function baselineRun({ stubUrl, cases, concurrency }) {
  const started = performance.now();
  const child = spawn(process.execPath, [PLAIN_CLIENT, stubUrl, String(cases), String(concurrency)], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`the plain client exited ${code}:\n${output}`);
  return wallMs;
}

async function oneRun({ stubUrl, cases, concurrency }) {
  const dir = await mkdtemp(join(tmpdir(), 'sentinel-bench-cli-'));
  try {
    await writeFile(join(dir, 'suite.json'), JSON.stringify(benchSuite(cases)));
    const rssFile = join(dir, 'max-rss.json');
    const env = { PATH: process.env.PATH, ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: stubUrl, SENTINEL_MODEL_MAX_RETRIES: '0', NODE_OPTIONS: `--require=${REPORT_MAX_RSS}`, BENCH_MAX_RSS_FILE: rssFile };
    const started = performance.now();
    const child = spawn(process.execPath, [LAUNCHER, 'run', 'suite.json', '--concurrency', String(concurrency), '--quiet', '--data-dir', 'data'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`sentinel run exited ${code}:\n${output}`);
    const { maxRssKb } = JSON.parse(await readFile(rssFile, 'utf8'));
    return { wallMs, peakRssMb: maxRssKb / 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Rows of the `sentinel run` table: one per concurrency, medians over `rounds`, each round the
 * plain client then the CLI (interleaved, so both see the same machine).
 */
export async function benchCliRun({ stubUrl, cases, latencyMs, concurrencies, rounds, round }) {
  const rows = [];
  for (const concurrency of concurrencies) {
    const results = [];
    const baselines = [];
    for (let index = 0; index < rounds; index += 1) {
      baselines.push(await baselineRun({ stubUrl, cases, concurrency }));
      results.push(await oneRun({ stubUrl, cases, concurrency }));
    }
    const { columns, wall } = wallAgainstIdeal({ concurrency, cases, latencyMs, wallsMs: results.map((result) => result.wallMs) });
    const baseline = median(baselines);
    rows.push({
      ...columns,
      plain_client_ms: round(baseline),
      over_plain_client_ms: round(wall - baseline),
      peak_rss_mb: round(Math.max(...results.map((result) => result.peakRssMb))),
    });
  }
  return rows;
}
