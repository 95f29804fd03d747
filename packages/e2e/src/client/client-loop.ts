import type { HistoryRecorder } from '../history/recorder.js';
import type { ClientRecord } from '../history/types.js';
import { now } from '../history/clock.js';
import type { ChaosBackendClient } from './backend-modules.js';

/** Pause between two client requests (pacing, so the client does not starve the 2 cores). */
export const CLIENT_PACE_MS = 25;
/** Longest run history read by the final audit. */
const AUDIT_PAGE_LIMIT = 100;

function outcomeOf(error: unknown): ClientRecord['outcome'] {
  return error instanceof Error && error.name === 'RunInterruptedError' ? 'interrupted' : 'error';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 200);
}

/** Keeps calling the backend (health, then execute when available) while faults run; records every request. */
export class ClientLoop {
  readonly #client: ChaosBackendClient;
  readonly #recorder: HistoryRecorder;
  readonly #execute: boolean;
  readonly #deadlines: { readonly request: number; readonly execute: number };
  #running = false;
  #loop: Promise<void> = Promise.resolve();
  #count = 0;
  #inFlight: { op: ClientRecord['op']; startedAt: number; deadlineMs: number } | undefined;

  constructor(client: ChaosBackendClient, recorder: HistoryRecorder, options: { execute: boolean; requestTimeoutMs: number; executeTimeoutMs: number }) {
    this.#client = client;
    this.#recorder = recorder;
    this.#execute = options.execute;
    this.#deadlines = { request: options.requestTimeoutMs, execute: options.executeTimeoutMs };
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  /**
   * Stops issuing requests and waits for the one in flight to settle (it has its own deadline); one
   * that outlives `graceMs` past its deadline is recorded as 'pending' (a hang).
   */
  async stop(graceMs: number): Promise<void> {
    this.#running = false;
    const inFlight = this.#inFlight;
    if (inFlight === undefined) return this.#loop;
    const waitMs = Math.max(0, inFlight.startedAt + inFlight.deadlineMs + graceMs - now());
    let timer: NodeJS.Timeout | undefined;
    const hung = await Promise.race([
      this.#loop.then(() => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), waitMs); }),
    ]);
    clearTimeout(timer);
    if (hung) this.#recorder.record({ type: 'client', t: now(), ...inFlight, endedAt: null, outcome: 'pending' });
  }

  /** Lists the backend's whole run history and records the ids (for acknowledged-runs-kept). */
  async audit(): Promise<void> {
    const runIds: string[] = [];
    try {
      let cursor: string | undefined;
      for (let page = 0; page < 10_000; page++) {
        const result = await this.#timed('listRuns', this.#deadlines.request, () => this.#client.listRuns({ limit: AUDIT_PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) }));
        runIds.push(...result.runs.map((run) => run.id));
        if (result.next_cursor === null) break;
        cursor = result.next_cursor;
      }
      this.#recorder.record({ type: 'audit', t: now(), runIds });
    } catch (error) {
      this.#recorder.record({ type: 'audit', t: now(), runIds, error: describe(error) });
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      await this.#timed('health', this.#deadlines.request, () => this.#client.health()).catch(() => {});
      if (this.#execute && this.#running) {
        this.#count += 1;
        const spec = { name: `chaos run ${this.#count}`, model: 'claude-chaos-stub', inputs: { query: `chaos ping ${this.#count}` }, assertions: [{ must_contain: 'chaos' }] };
        await this.#timed('execute', this.#deadlines.execute, () => this.#client.execute(spec)).catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, CLIENT_PACE_MS));
    }
  }

  async #timed<T>(op: ClientRecord['op'], deadlineMs: number, call: () => Promise<T>): Promise<T> {
    const startedAt = now();
    this.#inFlight = { op, startedAt, deadlineMs };
    try {
      const value = await call();
      const runId = op === 'execute' ? (value as { id?: unknown }).id : undefined;
      this.#recorder.record({ type: 'client', t: now(), op, startedAt, endedAt: now(), deadlineMs, outcome: 'ok', ...(typeof runId === 'string' ? { runId } : {}) });
      return value;
    } catch (error) {
      this.#recorder.record({ type: 'client', t: now(), op, startedAt, endedAt: now(), deadlineMs, outcome: outcomeOf(error), error: describe(error) });
      throw error;
    } finally {
      this.#inFlight = undefined;
    }
  }
}
