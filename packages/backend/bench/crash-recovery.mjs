// A suite run through a SIGKILL of the sidecar, restarted by @sentinel/supervisor on the same data
// directory (as the desktop runs it): the time from the kill to the next case recorded. The figure
// includes the restart (spawn to ready), the resume, and one model call of the stub's latency (the
// cases in flight at the kill are asked again: their answers never arrived).
import { Supervisor } from '@sentinel/supervisor';
import { benchSuite } from './lib/suites.mjs';

/** The desktop's restart policy (packages/desktop/src/host/backend-launch.ts, DESKTOP_RESTART_POLICY). */
const DESKTOP_RESTART_POLICY = { initialDelayMs: 250, factor: 2, maxDelayMs: 5_000, jitter: 0.1, resetAfterMs: 30_000, maxRestarts: 5, windowMs: 60_000 };
const POLL_MS = 10;

async function getJson(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Polls the run until `predicate(run)`, riding through the restart (refused connections are retried). */
async function pollRun(supervisor, token, id, predicate) {
  for (;;) {
    const { url } = supervisor.snapshot();
    const run = url === undefined || url === null ? undefined : await getJson(`${url}/api/suite-runs/${id}`, token).then((body) => body.suite_run, () => undefined);
    if (run !== undefined && predicate(run)) return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Every recorded run of the suite run (paged). */
async function recordedRuns(url, token, id) {
  const runs = [];
  for (let cursor; ; ) {
    const page = await getJson(`${url}/api/runs?suite_run_id=${id}&limit=100${cursor === undefined ? '' : `&cursor=${cursor}`}`, token);
    runs.push(...page.runs);
    if (page.next_cursor === null) return runs;
    cursor = page.next_cursor;
  }
}

async function oneKill({ bundle, env, token, cases, concurrency, killAfter }) {
  const supervisor = new Supervisor({
    name: 'sentinel-bench-backend',
    command: process.execPath,
    args: [bundle],
    env,
    port: 'auto',
    readiness: { http: '/health', timeoutMs: 20_000, requireInstanceId: true },
    health: { http: '/health', intervalMs: 2_000, timeoutMs: 1_500, failureThreshold: 3, requireInstanceId: true },
    restart: DESKTOP_RESTART_POLICY,
    stop: { signal: 'SIGTERM', timeoutMs: 5_000 },
    runtimeDir: false,
  });
  try {
    const { url, pid } = await supervisor.start();
    const response = await fetch(`${url}/api/suite-runs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ suite: benchSuite(cases), concurrency }) });
    const { suite_run: started } = await response.json();
    await pollRun(supervisor, token, started.id, (run) => run.done >= killAfter);
    const readyAgain = new Promise((resolve) => supervisor.once('ready', (event) => resolve({ at: performance.now(), startupMs: event.startupMs })));
    const killedAtWall = Date.now();
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    const ready = await readyAgain;
    const finished = await pollRun(supervisor, token, started.id, (run) => run.status !== 'running');
    const runs = await recordedRuns(supervisor.snapshot().url, token, started.id);
    const after = runs.map((run) => Date.parse(run.finished_at)).filter((time) => time >= killedAtWall).sort((a, b) => a - b);
    if (finished.done !== cases || runs.length !== cases) throw new Error(`the suite run did not record every case once: ${finished.done} done, ${runs.length} runs`);
    return { killToReadyMs: ready.at - killedAt, startupMs: ready.startupMs, killToNextCaseMs: (after[0] ?? Number.NaN) - killedAtWall };
  } finally {
    await supervisor.stop();
  }
}

/** Rows of the crash-recovery table (medians over `rounds` kills, each on a fresh data directory). */
export async function benchCrashRecovery({ bundle, backendEnv, token, stubUrl, cases, concurrency, rounds, median, round }) {
  const results = [];
  for (let index = 0; index < rounds; index += 1) {
    const env = await backendEnv({ ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: stubUrl, SENTINEL_MODEL_MAX_RETRIES: '0' });
    results.push(await oneKill({ bundle, env, token, cases, concurrency, killAfter: Math.floor(cases / 4) }));
  }
  const pick = (key) => results.map((result) => result[key]);
  return [
    { measure: 'SIGKILL to ready again (supervisor restart delay + spawn to first 200)', median_ms: round(median(pick('killToReadyMs'))), min_ms: round(Math.min(...pick('killToReadyMs'))), max_ms: round(Math.max(...pick('killToReadyMs'))) },
    { measure: '  of which spawn to ready (supervisor startupMs)', median_ms: round(median(pick('startupMs'))), min_ms: round(Math.min(...pick('startupMs'))), max_ms: round(Math.max(...pick('startupMs'))) },
    { measure: 'SIGKILL to the next case recorded (resume + one stub call)', median_ms: round(median(pick('killToNextCaseMs'))), min_ms: round(Math.min(...pick('killToNextCaseMs'))), max_ms: round(Math.max(...pick('killToNextCaseMs'))) },
  ];
}
