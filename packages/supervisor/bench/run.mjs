// npm run bench: measures the supervisor's figures (medians, baselines measured in the same run),
// prints a table and writes bench/results.json. BENCH_ONLY, BENCH_RUNS, BENCH_LOG_MB, BENCH_IDLE_MS
// shorten it; results.json is only written by a full run (all cases, at least 10 runs each).
import { writeFileSync } from 'node:fs';
import { crashAndRecovery } from './cases/crash.mjs';
import { firstCrashRecovery } from './cases/first-crash.mjs';
import { hangDetection } from './cases/hang.mjs';
import { idleCost } from './cases/idle.mjs';
import { logThroughput } from './cases/logs.mjs';
import { readyOverhead } from './cases/ready.mjs';
import { machine } from './lib/machine.mjs';
import { markdownTable } from './lib/markdown.mjs';
import { round } from './lib/stats.mjs';

const runs = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS ?? 10)) || 10);
const logBytes = Number(process.env.BENCH_LOG_MB ?? 200) * 2 ** 20;
const idleWindowMs = Number(process.env.BENCH_IDLE_MS ?? 10_000);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name) => only === undefined || only.includes(name);

const figures = [];
let bareBootMs;
const step = async (name, fn) => {
  if (!want(name)) return;
  process.stderr.write(`bench: ${name}...\n`);
  const result = await fn();
  figures.push(...(Array.isArray(result) ? result : [result]));
};

await step('ready', async () => {
  const r = await readyOverhead(runs);
  bareBootMs = r.bareBootMs;
  return r;
});
await step('crash', async () => crashAndRecovery(runs, bareBootMs ?? (await readyOverhead(runs)).bareBootMs));
await step('first-crash', () => firstCrashRecovery(runs));
await step('hang', () => hangDetection(runs));
await step('logs', () => logThroughput(runs, logBytes));
await step('idle', () => idleCost(runs, idleWindowMs));

const rows = figures.map((f) => ({ figure: f.name, value: round(f.value), unit: f.unit, measured: round(f.measured), baseline: round(f.baseline), target: f.target, pass: f.pass ? 'yes' : 'NO', runs: f.runs }));
console.table(rows);
for (const f of figures) {
  const extra = Object.entries(f).filter(([k]) => !['name', 'unit', 'value', 'measured', 'baseline', 'target', 'pass', 'runs', 'bareBootMs'].includes(k));
  console.log(`${f.name}: ${extra.map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`).join(', ')}`);
}
const results = { date: new Date().toISOString(), machine: machine(), runsPerFigure: runs, figures: figures.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? round(v, 3) : v]))) };
console.log(`\n${markdownTable(results)}\n`);
if (only === undefined && runs >= 10) writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
else console.log('(BENCH_ONLY set or fewer than 10 runs: results.json not written)');
