// npm run bench: spawn-to-first-200 (against a bare node:http server), /health req/s and execute
// overhead, each with a baseline measured in the same run; a suite through the sidecar at several
// concurrencies, a SIGKILL mid-suite under the supervisor, and the same suite through `sentinel run`
// as a whole process. Medians of repeated rounds. Prints tables, writes bench/results.json.
// BENCH_ONLY=spawn,health,execute,suite,crash,cli picks sections (all by default); see docs/benchmarks.md.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAnthropicStub } from '../dist/testing/index.js';
import { sequentialLatencies } from './execute-overhead.mjs';
import { healthRequestsPerSecond } from './health-throughput.mjs';
import { spawnAnnounced, stop } from './lib/processes.mjs';
import { median, printTable, quantile, round } from './lib/stats.mjs';
import { spawnToFirst200 } from './spawn-to-ready.mjs';
import { benchSuiteThroughput } from './suite-throughput.mjs';
import { benchCrashRecovery } from './crash-recovery.mjs';
import { benchCliRun } from './cli-run.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const BUNDLE = here('../dist/sentinel-backend.cjs');
const UNBUNDLED = here('../dist/main.js');
const BASELINE = here('./lib/baseline-server.mjs');
const SPAWN_ROUNDS = Number(process.env.BENCH_SPAWN_ROUNDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SUITE_CASES = Number(process.env.BENCH_SUITE_CASES ?? 200);
const STUB_LATENCY_MS = Number(process.env.BENCH_STUB_LATENCY_MS ?? 100);
const SUITE_ROUNDS = Number(process.env.BENCH_SUITE_ROUNDS ?? 3);
const CRASH_ROUNDS = Number(process.env.BENCH_CRASH_ROUNDS ?? 5);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? '1,4,16').split(',').map(Number);
const SECTIONS = new Set((process.env.BENCH_ONLY ?? 'spawn,health,execute,suite,crash,cli').split(','));
/** Targets (issues 8 and 9): spawn to first 200 at most 2x the bare server; `sentinel run` at concurrency 16 within 300 ms of the ideal and under 80 MB. */
const TARGETS = { spawnRatio: 2, cliOverIdealMs: 300, cliPeakRssMb: 80, cliConcurrency: 16 };
const TOKEN = 'bench-token';

const dataDirs = [];
async function backendEnv(extra = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-bench-'));
  dataDirs.push(dataDir);
  return { SENTINEL_TOKEN: TOKEN, SENTINEL_DATA_DIR: dataDir, SUPERVISOR_INSTANCE_ID: 'bench', ...extra };
}

async function benchSpawn() {
  const variants = { 'node:http baseline': BASELINE, 'unbundled (dist/main.js + node_modules)': UNBUNDLED, 'bundle (sentinel-backend.cjs)': BUNDLE };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round_ = 0; round_ < SPAWN_ROUNDS; round_ += 1) {
    for (const [name, file] of Object.entries(variants)) samples[name].push(await spawnToFirst200(file, await backendEnv()));
  }
  const baseline = median(samples['node:http baseline']);
  return Object.entries(samples).map(([variant, values]) => ({ variant, runs: values.length, median_ms: round(median(values)), p90_ms: round(quantile(values, 0.9)), min_ms: round(Math.min(...values)), x_baseline: round(median(values) / baseline, 2) }));
}

async function benchHealth() {
  const variants = [['node:http baseline', BASELINE], ['bundle /health', BUNDLE]];
  const rates = Object.fromEntries(variants.map(([variant]) => [variant, []]));
  for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
    for (const [variant, file] of variants) {
      const { child, port } = await spawnAnnounced(file, { ...(await backendEnv()), PORT: '0' });
      try {
        await healthRequestsPerSecond(port, { durationMs: 500 });
        rates[variant].push((await healthRequestsPerSecond(port)).rps);
      } finally {
        await stop(child);
      }
    }
  }
  return variants.map(([variant]) => {
    const values = rates[variant];
    return { variant, rounds: values.length, median_rps: Math.round(median(values)), min_rps: Math.round(Math.min(...values)), max_rps: Math.round(Math.max(...values)) };
  });
}

async function benchExecute() {
  const stub = await startAnthropicStub({ behavior: { text: 'Paris is the capital of France.' } });
  const spec = { name: 'bench', model: 'claude-bench', inputs: { query: 'Capital of France?', system: 'One line.' }, max_tokens: 64, assertions: [{ must_contain: 'Paris' }, { regex: '^Paris' }, { max_length: 200 }] };
  const direct = { model: spec.model, max_tokens: 64, system: spec.inputs.system, messages: [{ role: 'user', content: spec.inputs.query }] };
  const rounds = [];
  try {
    for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
      const { child, port } = await spawnAnnounced(BUNDLE, { ...(await backendEnv({ ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: stub.url })), PORT: '0' });
      try {
        const stubOnly = await sequentialLatencies(`${stub.url}/v1/messages`, direct, { 'x-api-key': 'sk-bench', 'anthropic-version': '2023-06-01' });
        const execute = await sequentialLatencies(`http://127.0.0.1:${port}/api/execution/execute`, { test_spec: spec }, { authorization: `Bearer ${TOKEN}` });
        rounds.push({ stubP50: quantile(stubOnly, 0.5), stubP99: quantile(stubOnly, 0.99), execP50: quantile(execute, 0.5), execP99: quantile(execute, 0.99) });
      } finally {
        await stop(child);
      }
    }
  } finally {
    await stub.close();
  }
  const pick = (key) => round(median(rounds.map((entry) => entry[key])), 2);
  return [
    { measure: 'direct POST to the stub (baseline)', p50_ms: pick('stubP50'), p99_ms: pick('stubP99') },
    { measure: 'execute via backend (SDK + assertions + fsync)', p50_ms: pick('execP50'), p99_ms: pick('execP99') },
    { measure: 'overhead added by execute', p50_ms: round(pick('execP50') - pick('stubP50'), 2), p99_ms: round(pick('execP99') - pick('stubP99'), 2) },
  ];
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory_gb: round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version };
const loadAtStart = loadavg().map((value) => round(value, 2));
console.log(`Sentinel backend bench, ${new Date().toISOString()}, ${machine.cpu} x${machine.cores}, ${machine.node}, load average ${loadAtStart.join(' ')}`);
const results = { date: new Date().toISOString(), machine, targets: TARGETS };
const context = { bundle: BUNDLE, backendEnv, token: TOKEN, cases: SUITE_CASES, latencyMs: STUB_LATENCY_MS, median, round };
try {
  if (SECTIONS.has('spawn')) {
    results.spawnToFirst200 = await benchSpawn();
    printTable(`Spawn to first 200 on /health (${SPAWN_ROUNDS} runs each, interleaved; target: bundle median <= ${TARGETS.spawnRatio}x the node:http baseline)`, results.spawnToFirst200);
  }
  if (SECTIONS.has('health')) {
    results.healthThroughput = await benchHealth();
    printTable(`GET /health requests/s (16 keep-alive connections, 3 s, ${ROUNDS} interleaved rounds)`, results.healthThroughput);
  }
  if (SECTIONS.has('execute')) {
    results.executeOverhead = await benchExecute();
    printTable(`Execute over a zero-latency stub (300 sequential requests per round, median of ${ROUNDS} rounds)`, results.executeOverhead);
  }
  if (SECTIONS.has('suite') || SECTIONS.has('crash') || SECTIONS.has('cli')) {
    const stub = await startAnthropicStub({ behavior: { delayMs: STUB_LATENCY_MS } });
    try {
      if (SECTIONS.has('suite')) {
        results.suiteThroughput = await benchSuiteThroughput({ ...context, stubUrl: stub.url, concurrencies: CONCURRENCIES, rounds: SUITE_ROUNDS });
        printTable(`A ${SUITE_CASES}-case suite through the sidecar (POST /api/suite-runs to the end event), stub answering in ${STUB_LATENCY_MS} ms, median of ${SUITE_ROUNDS} rounds`, results.suiteThroughput);
      }
      if (SECTIONS.has('crash')) {
        results.crashRecovery = await benchCrashRecovery({ ...context, stubUrl: stub.url, concurrency: 4, rounds: CRASH_ROUNDS });
        printTable(`SIGKILL of the sidecar a quarter into a ${SUITE_CASES}-case suite (concurrency 4), restarted by @sentinel/supervisor with the desktop's policy, ${CRASH_ROUNDS} kills`, results.crashRecovery);
      }
      if (SECTIONS.has('cli')) {
        results.cliRun = await benchCliRun({ ...context, stubUrl: stub.url, concurrencies: CONCURRENCIES, rounds: SUITE_ROUNDS });
        const target = results.cliRun.find((row) => row.concurrency === TARGETS.cliConcurrency);
        const verdict = target === undefined ? '' : ` (concurrency ${TARGETS.cliConcurrency}: ${target.over_ideal_ms} ms over the ideal, target <= ${TARGETS.cliOverIdealMs}; peak ${target.peak_rss_mb} MB, target < ${TARGETS.cliPeakRssMb})`;
        printTable(`The same suite through \`sentinel run\` as a whole process (spawn to exit), median of ${SUITE_ROUNDS} rounds${verdict}`, results.cliRun);
      }
    } finally {
      await stub.close();
    }
  }
  results.load = { start: loadAtStart, end: loadavg().map((value) => round(value, 2)) };
  console.log(`\nload average (1/5/15 min) at start ${results.load.start.join(' ')}, at end ${results.load.end.join(' ')}: other work on the machine skews every figure`);
  const output = here(process.env.BENCH_RESULTS ?? './results.json');
  await writeFile(output, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${output}`);
} finally {
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
