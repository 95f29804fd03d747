import { median, round } from './stats.mjs';

// The benchmark suite: `cases` distinct tests (distinct prompts, so no two share an answer) on one model.
export function benchSuite(cases, name = 'bench suite') {
  return {
    name,
    version: '1',
    defaults: { model: 'claude-sonnet-4-6', assertions: [{ must_contain: 'Stub reply' }] },
    tests: Array.from({ length: cases }, (_, index) => ({ name: `case ${index}`, inputs: { query: `bench question ${index}` } })),
  };
}

/** Milliseconds the cases take with no overhead: each wave of `concurrency` cases takes one stub latency. */
export const idealMs = (cases, latencyMs, concurrency) => (cases * latencyMs) / concurrency;

/**
 * The columns both suite benchmarks report for one concurrency: the median wall time of its rounds
 * against the ideal. `wall` and `ideal` (unrounded) are returned too, for figures derived from them.
 */
export function wallAgainstIdeal({ concurrency, cases, latencyMs, wallsMs }) {
  const wall = median(wallsMs);
  const ideal = idealMs(cases, latencyMs, concurrency);
  const columns = { concurrency, cases, rounds: wallsMs.length, ideal_ms: round(ideal), wall_ms: round(wall), over_ideal_ms: round(wall - ideal) };
  return { columns, wall, ideal };
}
