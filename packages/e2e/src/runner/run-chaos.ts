import { ChaosError } from '../errors.js';
import { resolveChaosOptions, type ChaosOptions, type ResolvedChaosOptions } from '../config/chaos-options.js';
import { HistoryRecorder } from '../history/recorder.js';
import type { History } from '../history/types.js';
import { now } from '../history/clock.js';
import { TreeTracker } from '../proc/tree-tracker.js';
import { ProcSampler } from '../proc/proc-sampler.js';
import { randomSeed } from '../schedule/build-schedule.js';
import { buildReport, type ChaosReport } from '../report/build-report.js';
import { ClientLoop } from '../client/client-loop.js';
import { createSentinelClient, type ChaosBackendClient } from '../client/backend-modules.js';
import { SuiteLoop } from '../suites/suite-loop.js';
import { StubLedger } from '../suites/stub-ledger.js';
import { auditSuiteRuns } from '../suites/suite-audit.js';
import type { SuiteRunClient } from '../suites/suite-client.js';
import { createHealthOnlyClient } from '../client/health-only-client.js';
import { createResources, type OwnedResources } from './resources.js';
import { describeTarget, floodFileFor, hostConfigFor } from './target-config.js';
import { checkedConfigFor } from './checked-config.js';
import { SystemView } from './system-view.js';
import { HostManager } from './host-manager.js';
import { FaultLoop } from './fault-loop.js';
import { leftoversAfter } from './leftovers.js';
import { replayCommand } from './replay-command.js';

/** The outcome of a chaos run: the recorded history and the report built from it. */
export interface ChaosRun {
  readonly history: History;
  readonly report: ChaosReport;
}

interface Clients {
  readonly requests: ChaosBackendClient;
  /** Sentinel's target: the same client, for suite runs. */
  readonly suites: SuiteRunClient | undefined;
}

function makeClients(options: ResolvedChaosOptions, view: SystemView, resources: OwnedResources): Clients {
  const common = {
    getBaseUrl: () => view.url,
    token: resources.token,
    whenConnected: () => view.whenReady(),
    requestTimeoutMs: options.timing.requestTimeoutMs,
    executeTimeoutMs: options.timing.executeTimeoutMs,
  };
  if (options.target.kind === 'command') return { requests: createHealthOnlyClient({ ...common, healthPath: options.target.health }), suites: undefined };
  const client = createSentinelClient(common);
  return { requests: client, suites: client };
}

/** The suite loop, its audit and the stub's ledger of model calls, when the run has suites. */
interface SuitePart {
  readonly loop: SuiteLoop;
  readonly client: SuiteRunClient;
  readonly ledger: StubLedger;
}

function makeSuitePart(options: ResolvedChaosOptions, clients: Clients, resources: OwnedResources, recorder: HistoryRecorder): SuitePart | undefined {
  if (!options.suites || clients.suites === undefined || resources.stub === undefined) return undefined;
  return { loop: new SuiteLoop(clients.suites, recorder), client: clients.suites, ledger: new StubLedger(resources.stub) };
}

/**
 * Runs the chaos experiment: a host subprocess supervising the backend, a client calling it, the
 * seeded fault schedule, then every invariant checked over the recorded history.
 */
export async function runChaos(input: ChaosOptions = {}): Promise<ChaosRun> {
  const options = resolveChaosOptions(input, randomSeed);
  const checked = checkedConfigFor(options.timing);
  const recorder = new HistoryRecorder();
  const tracker = new TreeTracker();
  const sampler = new ProcSampler(tracker, recorder);
  const resources = await createResources(options.target);
  const view = new SystemView(recorder);
  const hosts = new HostManager({ ...hostConfigFor(options.target, options.timing, resources), ...(options.group ? { group: true } : {}) }, recorder, view, tracker, sampler);
  const clients = makeClients(options, view, resources);
  const suites = makeSuitePart(options, clients, resources, recorder);
  const client = new ClientLoop(clients.requests, recorder, {
    execute: options.target.kind === 'sentinel',
    requestTimeoutMs: options.timing.requestTimeoutMs,
    executeTimeoutMs: options.timing.executeTimeoutMs,
  });
  const loop = new FaultLoop(options, recorder, view, hosts, checked, {
    floodFile: floodFileFor(options.target, resources),
    nextSuiteAnswer: suites === undefined ? undefined : (timeoutMs) => suites.ledger.nextSuiteAnswer(timeoutMs),
  });
  options.onProgress(`seed ${options.seed} (replay: ${replayCommand(options)})`);
  sampler.start();
  try {
    await hosts.launch();
    await hosts.start();
    if (!(await loop.ensureReady())) throw new ChaosError('CHAOS_ERR_CONFIG', `the backend never became ready (state ${view.state}); check the command and the health path`);
    client.start();
    suites?.loop.start();
    await loop.run();
    await client.stop(options.timing.toleranceMs);
    if (suites !== undefined) {
      await loop.ensureReady();
      await suites.loop.stop(options.timing.suiteFinishTimeoutMs);
    }
    if (await loop.ensureReady()) {
      await client.audit();
      if (suites !== undefined) await auditSuiteRuns(suites.client, recorder);
    } else {
      recorder.record({ type: 'audit', t: now(), runIds: [], error: 'the backend was not ready for the final audit' });
      if (suites !== undefined) recorder.record({ type: 'suite-audit', t: now(), suiteRuns: [], runs: [], error: 'the backend was not ready for the final audit' });
    }
  } finally {
    await client.stop(options.timing.toleranceMs);
    await suites?.loop.stop(0);
    for (const call of suites?.ledger.records() ?? []) recorder.record(call);
    await hosts.closeAll().catch(() => {});
    sampler.stop();
    sampler.sampleNow();
    await resources.dispose();
    const started = [...tracker.allPids(), ...hosts.hosts.flatMap((h) => [{ pid: h.pid }, ...h.companions])];
    recorder.record({ type: 'leftovers', t: now(), pids: await leftoversAfter(started, options.timing.hostDeathBoundMs) });
    if (options.group) options.onProgress(`group companions: ${hosts.hosts.reduce((n, h) => n + h.companions.length, 0)} started (checked with the leftovers)`);
  }
  const history = recorder.finish(options.seed, checked);
  return { history, report: buildReport(history, { replay: replayCommand(options), target: describeTarget(options.target, options.group) }) };
}
