import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChaosError } from '../errors.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { SupervisorRecord } from '../history/types.js';
import { CLOCK_OFFSET_ENV, CLOCK_OFFSET_MS, now } from '../history/clock.js';
import { HOST_CONFIG_ENV, isHostToRunner, type HostCommand, type HostSupervisorConfig, type HostToRunner } from './protocol.js';
import { readProc } from '../proc/proc-table.js';

function startTimeOf(pid: number): { startTime?: number } {
  const entry = readProc(pid);
  return entry === undefined ? {} : { startTime: entry.startTime };
}

/** The built host entry point (works from src/ under vitest and from dist/). */
export const HOST_SCRIPT = fileURLToPath(new URL('../../dist/host/host-main.js', import.meta.url));

/** Safety net for a host to say hello. */
const HELLO_TIMEOUT_MS = 30_000;

interface Pending { resolve(value: unknown): void; reject(error: Error): void }

/** The runner's end of one host subprocess. */
export class HostHandle {
  readonly id: number;
  readonly #child: ChildProcess;
  readonly #recorder: HistoryRecorder;
  readonly #pending = new Map<number, Pending>();
  readonly exited: Promise<void>;
  #nextId = 1;
  #stderr = '';
  pid = 0;
  /** Processes of the group's companion member (group targets only), by pid and start time. */
  readonly companions: Array<{ pid: number; startTime?: number }> = [];

  private constructor(id: number, child: ChildProcess, recorder: HistoryRecorder) {
    this.id = id;
    this.#child = child;
    this.#recorder = recorder;
    child.stderr?.on('data', (chunk: Buffer) => { this.#stderr = (this.#stderr + chunk.toString()).slice(-4000); });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      for (const p of this.#pending.values()) p.reject(new ChaosError('CHAOS_ERR_HOST', `host ${id} exited with a command pending`));
      this.#pending.clear();
    });
  }

  /** Forks a host with `config`, records its events as host `id`, and waits for its hello. */
  static async launch(id: number, config: HostSupervisorConfig, recorder: HistoryRecorder): Promise<HostHandle> {
    const child = fork(HOST_SCRIPT, [], {
      env: { ...process.env, [HOST_CONFIG_ENV]: JSON.stringify(config), [CLOCK_OFFSET_ENV]: String(CLOCK_OFFSET_MS) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const handle = new HostHandle(id, child, recorder);
    await handle.#hello();
    recorder.record({ type: 'host', t: now(), host: id, phase: 'spawned', pid: handle.pid });
    return handle;
  }

  get stderr(): string {
    return this.#stderr;
  }

  get alive(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Sends a command and records it as sent, then resolved or rejected. */
  async command(command: Exclude<HostCommand, 'snapshot'>): Promise<unknown> {
    this.#recorder.record({ type: 'command', t: now(), host: this.id, command, phase: 'sent' });
    try {
      const value = await this.#request(command);
      this.#recorder.record({ type: 'command', t: now(), host: this.id, command, phase: 'resolved' });
      return value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#recorder.record({ type: 'command', t: now(), host: this.id, command, phase: 'rejected', error: message });
      throw error;
    }
  }

  /** The supervisor's snapshot (not recorded). */
  snapshot(): Promise<unknown> {
    return this.#request('snapshot');
  }

  /** SIGKILLs the host (its Supervisor gets no chance to clean up) and waits for it to be gone. */
  async kill(): Promise<void> {
    if (this.alive) {
      this.#child.kill('SIGKILL');
      this.#recorder.record({ type: 'host', t: now(), host: this.id, phase: 'killed', pid: this.pid });
    }
    await this.exited;
  }

  /** Disconnects: the host stops its supervisor and exits on its own. */
  async close(): Promise<void> {
    if (this.alive && this.#child.connected) this.#child.disconnect();
    await this.exited;
    this.#recorder.record({ type: 'host', t: now(), host: this.id, phase: 'exited', pid: this.pid });
  }

  #request(command: HostCommand): Promise<unknown> {
    if (!this.alive || !this.#child.connected) return Promise.reject(new ChaosError('CHAOS_ERR_HOST', `host ${this.id} is gone`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#child.send({ type: 'command', id, command });
    });
  }

  #onMessage(message: HostToRunner, hello: (pid: number) => void, fatal: (error: string) => void): void {
    if (message.type === 'hello') return hello(message.pid);
    if (message.type === 'fatal') return fatal(message.error);
    if (message.type === 'companion') return void this.companions.push({ pid: message.pid, ...startTimeOf(message.pid) });
    if (message.type === 'event') {
      const event = message.event as SupervisorRecord['event'];
      this.#recorder.record({ type: 'sup', t: message.t, host: this.id, event, data: message.data });
      return;
    }
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (message.ok) pending?.resolve(message.value);
    else pending?.reject(new ChaosError('CHAOS_ERR_HOST', `host ${this.id}: ${message.error ?? 'command failed'}`));
  }

  #hello(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new ChaosError('CHAOS_ERR_TIMEOUT', `host ${this.id} did not say hello within ${HELLO_TIMEOUT_MS}ms`)), HELLO_TIMEOUT_MS);
      const fail = (error: string) => { clearTimeout(timer); reject(new ChaosError('CHAOS_ERR_HOST', `host ${this.id} failed to start: ${error}`)); };
      this.#child.on('message', (raw: unknown) => {
        if (!isHostToRunner(raw)) return;
        this.#onMessage(raw, (pid) => { clearTimeout(timer); this.pid = pid; resolve(); }, fail);
      });
      void this.exited.then(() => fail(`exited before hello; stderr: ${this.#stderr.slice(-500)}`));
    });
  }
}
