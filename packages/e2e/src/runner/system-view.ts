import type { HistoryRecorder } from '../history/recorder.js';
import type { HistoryEvent, SupervisorRecord } from '../history/types.js';
import { numberField, stringField } from '../invariants/select.js';
import type { HostHandle } from '../host/host-handle.js';
import { waitForEvent, type EventWait } from './wait-for-event.js';

export type SupPredicate = (event: SupervisorRecord) => boolean;

/** What the runner knows, from the streamed events, about the current host's supervisor. */
export class SystemView {
  readonly #recorder: HistoryRecorder;
  #host: HostHandle | undefined;
  #readyPid: number | undefined;
  /** The supervisor's state, or 'gone' once its host was killed or closed. */
  state = 'idle';
  /** The live backend's pid (undefined between an exit and the next spawn). */
  pid: number | undefined;
  url: string | undefined;
  /** Port of the last backend that was ready. */
  lastPort: number | undefined;
  readonly #readyWaiters = new Set<() => void>();

  constructor(recorder: HistoryRecorder) {
    this.#recorder = recorder;
    recorder.subscribe((event) => this.#apply(event));
  }

  get host(): HostHandle | undefined {
    return this.#host;
  }

  /** Switches to a new host: its supervisor starts from 'idle'. */
  setHost(host: HostHandle | undefined): void {
    this.#host = host;
    this.state = 'idle';
    this.pid = undefined;
    this.url = undefined;
    this.#readyPid = undefined;
  }

  /** True when the current backend is ready and its URL is known. */
  get ready(): boolean {
    return this.state === 'ready' && this.pid !== undefined && this.#readyPid === this.pid;
  }

  /** Arms a wait for the next event of the current host matching `match`. */
  next(match: SupPredicate, timeoutMs: number, what: string): EventWait<SupervisorRecord> {
    const host = this.host?.id;
    return waitForEvent(
      this.#recorder,
      (e: HistoryEvent): e is SupervisorRecord => e.type === 'sup' && e.host === host && match(e),
      timeoutMs,
      what,
    );
  }

  /**
   * Resolves when the backend is ready (at once if it is). Used as the client's whenConnected. Not a
   * copy of the supervisor's whenReady(): the supervisor lives in the host subprocess, this waits on
   * the events it streams, and it keeps waiting across host replacements (a SIGKILLed host, a new one),
   * which a single supervisor's whenReady() cannot.
   */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.add(resolve));
  }

  #apply(event: HistoryEvent): void {
    if (event.type === 'host' && event.host === this.#host?.id && event.phase !== 'spawned') {
      // The current host died (or is closing): its backend is no longer ours to use; wait for the next host's ready.
      this.state = 'gone';
      this.pid = undefined;
      this.url = undefined;
      this.#readyPid = undefined;
      return;
    }
    if (event.type !== 'sup' || event.host !== this.#host?.id) return;
    if (event.event === 'state') this.state = stringField(event, 'to') ?? this.state;
    if (event.event === 'spawn') this.pid = numberField(event, 'pid');
    if (event.event === 'exit' && numberField(event, 'pid') === this.pid) this.pid = undefined;
    if (event.event === 'ready') {
      this.url = stringField(event, 'url');
      this.lastPort = numberField(event, 'port');
      this.pid = numberField(event, 'pid') ?? this.pid;
      this.#readyPid = this.pid;
    }
    if (this.ready) {
      for (const resolve of this.#readyWaiters) resolve();
      this.#readyWaiters.clear();
    }
  }
}
