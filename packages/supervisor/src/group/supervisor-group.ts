import { SupervisorError } from '../errors.js';
import type { SupervisorSnapshot } from '../events.js';
import { TypedEmitter } from '../events/typed-emitter.js';
import { Supervisor, type StartResult } from '../supervisor.js';
import { checkWaitOptions, type WaitOptions } from '../util/wait-options.js';
import { affectedBy, GROUP_TRANSITIONS } from './group-state.js';
import { forwardMemberEvents, isUnexpectedExit, startInOrder, stopInReverse } from './members.js';
import { parseGroupOptions, type GroupConfig } from './options.js';
import type { GroupState, SupervisorGroupEvents, SupervisorGroupOptions, SupervisorGroupSnapshot } from './types.js';

/**
 * Several supervised processes as one (a backend, a worker, a local database): members start in
 * dependency order (each once its dependencies are ready), stop in reverse, and are restarted by
 * OTP's strategies, with a group restart intensity that ends in 'failed'. See the README.
 */
export class SupervisorGroup<const Name extends string = string> extends TypedEmitter<SupervisorGroupEvents<Name>> {
  readonly name: string;
  readonly #config: GroupConfig<Name>;
  readonly #members = new Map<Name, Supervisor>();
  #state: GroupState = 'idle';
  #lastError: SupervisorError | undefined;
  #exitTimes: number[] = [];
  #starting: Promise<Readonly<Record<Name, StartResult>>> | undefined;
  #stopping: Promise<void> | undefined;
  /** Strategy restarts, one at a time. */
  #restarts: Promise<void> = Promise.resolve();
  /** The members' stop after a failure: a new start() waits for it. */
  #cleanup: Promise<void> = Promise.resolve();

  /** @throws TypeError naming the option (and the member) when an option is invalid. */
  constructor(options: SupervisorGroupOptions<Name>) {
    super();
    this.#config = parseGroupOptions(options);
    this.name = this.#config.name;
    options.members.forEach((member, i) => {
      let supervisor: Supervisor;
      try {
        supervisor = new Supervisor(member.supervisor);
      } catch (error) {
        throw new TypeError(`Option members[${i}].supervisor (${member.supervisor.name}): ${(error as Error).message}`, { cause: error });
      }
      this.#members.set(member.supervisor.name, supervisor);
      forwardMemberEvents(supervisor, member.supervisor.name, (event, payload) => this.emit(event as never, ...([payload] as never)));
      supervisor.on('exit', ({ reason }) => isUnexpectedExit(reason) && this.#onMemberExit(member.supervisor.name));
      supervisor.on('failed', ({ reason }) => this.#fail(new SupervisorError('SUP_ERR_GAVE_UP', this.name, `member ${member.supervisor.name} failed: ${reason.message}`, { cause: reason }), member.supervisor.name));
    });
  }

  get state(): GroupState {
    return this.#state;
  }

  /** The member's Supervisor (for its own events, snapshot, signal()...). */
  member(name: Name): Supervisor {
    const supervisor = this.#members.get(name);
    if (supervisor === undefined) throw new TypeError(`${this.name} has no member ${JSON.stringify(name)} (members: ${this.#config.order.join(', ')})`);
    return supervisor;
  }

  snapshot(): SupervisorGroupSnapshot<Name> {
    const members = Object.fromEntries(this.#config.order.map((name) => [name, this.member(name).snapshot()])) as Record<Name, SupervisorSnapshot>;
    return { name: this.name, state: this.#state, strategy: this.#config.strategy, order: this.#config.order, members, lastError: this.#lastError };
  }

  /**
   * Starts every member in dependency order; resolves with each one's StartResult once all are ready.
   * Rejects (and stops the group) when a member fails; `signal` gives the start up as stop() would.
   */
  start(options?: WaitOptions): Promise<Readonly<Record<Name, StartResult>>> {
    const signal = checkWaitOptions('start', options);
    if (this.#state === 'starting' && this.#starting !== undefined) return this.#starting;
    if (this.#state === 'running' || this.#state === 'restarting') return this.#collect(this.#config.order.map((name) => this.member(name).whenReady()));
    if (this.#state === 'stopping') return (this.#stopping ?? Promise.resolve()).catch(() => undefined).then(() => this.start(options));
    const starting = this.#cleanup.then(async () => {
      signal?.addEventListener('abort', () => void this.stop().catch(() => undefined), { once: true });
      const results = await this.#collect(startInOrder(this.#config, this.#members, this.#config.order, () => this.#state === 'starting', signal));
      if (this.#state === 'starting') this.#transition('running');
      return results;
    });
    this.#exitTimes = [];
    this.#lastError = undefined;
    this.#transition('starting');
    this.#starting = starting.finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  /** Stops every member, dependents first; resolves when every tree is gone. Idempotent. */
  stop(): Promise<void> {
    if (this.#stopping !== undefined) return this.#stopping;
    if (this.#state === 'idle' || this.#state === 'stopped') return Promise.resolve();
    this.#transition('stopping');
    this.#stopping = stopInReverse(this.name, this.#config.order, this.#members).finally(() => {
      this.#transition('stopped');
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  async #collect(results: ReadonlyArray<Promise<StartResult>>): Promise<Readonly<Record<Name, StartResult>>> {
    const values = await Promise.all(results);
    return Object.fromEntries(this.#config.order.map((name, i) => [name, values[i]])) as Record<Name, StartResult>;
  }

  #onMemberExit(trigger: Name): void {
    if (this.#state !== 'running' && this.#state !== 'restarting') return;
    const now = Date.now();
    this.#exitTimes = this.#exitTimes.filter((t) => now - t < this.#config.windowMs);
    if (this.#exitTimes.length >= this.#config.maxRestarts) {
      const detail = `more than ${this.#config.maxRestarts} member exits within ${this.#config.windowMs} ms; last: ${trigger}`;
      return this.#fail(new SupervisorError('SUP_ERR_GAVE_UP', this.name, detail, { cause: this.member(trigger).snapshot().lastError }), trigger);
    }
    this.#exitTimes.push(now);
    const affected = affectedBy(this.#config.strategy, this.#config.order, trigger);
    if (affected.length > 0) this.#restarts = this.#restarts.then(() => this.#restartFor(trigger, affected)).catch(() => undefined);
  }

  /** Stops the affected members (dependents first), waits for the trigger to be ready again, starts them in order. */
  async #restartFor(trigger: Name, affected: readonly Name[]): Promise<void> {
    if (this.#state !== 'running' && this.#state !== 'restarting') return;
    this.#transition('restarting');
    this.emit('restart', { trigger, strategy: this.#config.strategy, members: affected });
    const restarting = (): boolean => this.#state === 'restarting';
    await stopInReverse(this.name, affected, this.#members).catch(() => undefined);
    if (!restarting()) return;
    await this.member(trigger).whenReady();
    if (!restarting()) return;
    await Promise.all(startInOrder(this.#config, this.#members, affected, restarting, undefined));
    if (restarting()) this.#transition('running');
  }

  #fail(reason: SupervisorError, member: Name | undefined): void {
    if (!GROUP_TRANSITIONS[this.#state].includes('failed')) return;
    this.#lastError = reason;
    this.#transition('failed');
    this.emit('failed', { reason, member });
    this.#cleanup = stopInReverse(this.name, this.#config.order, this.#members).catch(() => undefined);
  }

  #transition(to: GroupState): void {
    const from = this.#state;
    if (!GROUP_TRANSITIONS[from].includes(to)) return;
    this.#state = to;
    this.emit('state', { from, to });
  }

  protected override onListenerError(event: string, error: unknown): void {
    if (event !== 'listener-error') this.emit('listener-error', { event, error });
  }
}
