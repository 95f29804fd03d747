// A suite of `cases` cases through the sidecar (POST /api/suite-runs, inline suite) against a stub
// answering in `latencyMs`, at each concurrency: wall time from the POST to the run's `end` event,
// against the ideal (cases x latency / concurrency), and the sidecar's resident memory.
import { processMemory } from './lib/memory.mjs';
import { spawnAnnounced, stop } from './lib/processes.mjs';
import { followSuiteRun } from './lib/suite-events.mjs';
import { benchSuite, wallAgainstIdeal } from './lib/suites.mjs';

/** One suite run on a fresh sidecar; resolves with its wall time and the sidecar's memory at its end. */
async function oneRun({ bundle, env, token, cases, concurrency }) {
  const { child, port } = await spawnAnnounced(bundle, { ...env, PORT: '0' });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/suite-runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ suite: benchSuite(cases), concurrency }),
    });
    if (response.status !== 202) throw new Error(`POST /api/suite-runs answered ${response.status}: ${await response.text()}`);
    const { suite_run: run } = await response.json();
    const follow = followSuiteRun({ baseUrl, token, id: run.id });
    const events = await follow.until((seen) => seen.some((entry) => entry.event.type === 'end'));
    const end = events.find((entry) => entry.event.type === 'end');
    await follow.stop();
    if (end.event.run.passed !== cases) throw new Error(`the bench suite run did not pass every case: ${JSON.stringify(end.event.run).slice(0, 300)}`);
    return { wallMs: end.at - started, ...(await processMemory(child.pid)) };
  } finally {
    await stop(child);
  }
}

/** Rows of the suite-throughput table: one per concurrency, medians over `rounds`. */
export async function benchSuiteThroughput({ bundle, backendEnv, token, stubUrl, cases, latencyMs, concurrencies, rounds, median, round }) {
  const rows = [];
  for (const concurrency of concurrencies) {
    const results = [];
    for (let index = 0; index < rounds; index += 1) {
      results.push(await oneRun({ bundle, env: await backendEnv({ ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: stubUrl, SENTINEL_MODEL_MAX_RETRIES: '0' }), token, cases, concurrency }));
    }
    const { columns, wall, ideal } = wallAgainstIdeal({ concurrency, cases, latencyMs, wallsMs: results.map((result) => result.wallMs) });
    rows.push({
      ...columns,
      // What each case added to its own latency: the overhead spread over the cases of one wave.
      overhead_per_case_ms: round(((wall - ideal) * concurrency) / cases, 2),
      rss_mb: round(median(results.map((result) => result.rss_mb))),
      peak_rss_mb: round(Math.max(...results.map((result) => result.peak_rss_mb))),
    });
  }
  return rows;
}
