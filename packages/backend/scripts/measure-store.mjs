// One-off figures for docs/storage.md (needs `npm run build` first): the cost of one acknowledged insert
// (synchronous=FULL, fsync per commit) against NORMAL, group commit at 16 concurrent inserts, opening the
// store, how soon a SIGKILLed holder's lock is free, and the runs.jsonl import rate.
// Usage: node scripts/measure-store.mjs [dir on the disk to measure]   (default: the OS temp dir)
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../dist/store/index.js';

const base = process.argv[2] ?? tmpdir();
const storeModule = fileURLToPath(new URL('../dist/store/index.js', import.meta.url));
const record = (name) => ({
  name, success: true, provider: 'anthropic', model: 'claude-sonnet-4-6', response_model: 'claude-sonnet-4-6', output: 'x'.repeat(2000),
  tool_calls: [], assertions: [{ kind: 'must_contain', expected: 'x', actual: 'x', passed: true, message: 'ok' }], latency_ms: 100,
  usage: { input_tokens: 40, output_tokens: 500 }, cost_usd: 0.01, stop_reason: 'end_turn', started_at: new Date().toISOString(), finished_at: new Date().toISOString(),
  spec: { name, model: 'claude-sonnet-4-6', inputs: { query: 'q'.repeat(500) }, assertions: [{ must_contain: 'x' }] },
  request: { provider: 'anthropic', model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'q'.repeat(500) }], max_tokens: 1024 },
  notes: [], test_id: 'capital', suite_run_id: null, case_index: null, tags: ['geo'], answer_source: 'provider',
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];
const dirs = [];
const fresh = () => {
  const dir = mkdtempSync(join(base, 'sentinel-measure-'));
  dirs.push(dir);
  return dir;
};

async function sequentialInserts(count) {
  const { store } = await openSqliteStore({ dataDir: fresh() });
  for (let index = 0; index < 20; index += 1) await store.insertRun(record(`warm ${index}`));
  const times = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await store.insertRun(record(`run ${index}`));
    times.push(performance.now() - start);
  }
  await store.close();
  return times;
}

function rawInserts(synchronous, count) {
  const db = new Database(join(fresh(), 'raw.db'));
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE runs (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, record TEXT)');
  const insert = db.prepare('INSERT INTO runs (id, record) VALUES (?, ?)');
  const text = JSON.stringify(record('raw'));
  const times = [];
  for (let index = 0; index < count + 20; index += 1) {
    const start = performance.now();
    insert.run(`id${index}`, text);
    if (index >= 20) times.push(performance.now() - start);
  }
  db.close();
  return times;
}

async function concurrentInserts(concurrency, rounds) {
  const { store } = await openSqliteStore({ dataDir: fresh() });
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) await Promise.all(Array.from({ length: concurrency }, (_unused, index) => store.insertRun(record(`c${round}-${index}`))));
  const perRun = (performance.now() - start) / (concurrency * rounds);
  await store.close();
  return perRun;
}

async function openTimes() {
  const dataDir = fresh();
  let start = performance.now();
  const { store } = await openSqliteStore({ dataDir });
  const first = performance.now() - start;
  await store.close();
  start = performance.now();
  const again = await openSqliteStore({ dataDir });
  const existing = performance.now() - start;
  await again.store.close();
  return { first, existing };
}

/** A child holds the store; SIGKILL it; how long until its exit is seen, and until a new open succeeds. */
async function lockRelease() {
  const dataDir = fresh();
  const script = `import { openSqliteStore } from ${JSON.stringify(storeModule)}; await openSqliteStore({ dataDir: ${JSON.stringify(dataDir)} }); console.log('ready'); setInterval(() => {}, 1e9);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const killed = performance.now();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const exitSeen = performance.now() - killed;
  const { store } = await openSqliteStore({ dataDir, lockWaitMs: 0 });
  const opened = performance.now() - killed;
  await store.close();
  return { exitSeen, opened };
}

async function importRate(lines) {
  const dataDir = fresh();
  const line = (index) => JSON.stringify({ id: `019a9c1f3e2a${(index % 65536).toString(16).padStart(4, '0')}${index.toString(16).padStart(8, '0')}`.slice(0, 24), name: `run ${index}`, success: true, output: 'The capital of France is Paris.', assertions: [{ kind: 'must_contain', expected: 'Paris', passed: true, message: 'ok' }], latency_ms: 812, usage: { input_tokens: 24, output_tokens: 9 }, model: 'claude-sonnet-4-6', started_at: '2026-11-22T03:00:00.000Z', finished_at: '2026-11-22T03:00:00.812Z', stop_reason: 'end_turn' });
  writeFileSync(join(dataDir, 'runs.jsonl'), `${Array.from({ length: lines }, (_unused, index) => line(index)).join('\n')}\n`);
  const start = performance.now();
  const { store, stats } = await openSqliteStore({ dataDir });
  const elapsed = performance.now() - start;
  await store.close();
  return { lines, imported: stats.legacyImport.imported, seconds: elapsed / 1000, perSecond: Math.round(lines / (elapsed / 1000)) };
}

try {
  const store = await sequentialInserts(200);
  const full = rawInserts('FULL', 200);
  const normal = rawInserts('NORMAL', 200);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    dir: base,
    insertRunFullMs: { median: median(store), p90: p90(store) },
    rawInsertFullMs: { median: median(full), p90: p90(full) },
    rawInsertNormalMs: { median: median(normal), p90: p90(normal) },
    groupCommit16PerRunMs: await concurrentInserts(16, 20),
    openMs: await openTimes(),
    lockReleaseMs: await lockRelease(),
    import: await importRate(100_000),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
