import { SupervisorError } from '../errors.js';
import type { ExitReason } from '../events.js';
import type { StartResult, Supervisor } from '../supervisor.js';
import type { GroupConfig } from './options.js';
import type { MemberEventName } from './types.js';

const FORWARDED: readonly MemberEventName[] = ['state', 'spawn', 'ready', 'unhealthy', 'exit', 'backoff', 'failed', 'metrics'];

/** Re-emits each forwarded event of `supervisor` as `member:<event>` with `{ member: name, ...payload }`. */
export function forwardMemberEvents(supervisor: Supervisor, name: string, emit: (event: string, payload: object) => void): void {
  for (const event of FORWARDED) supervisor.on(event, (payload: object) => emit(`member:${event}`, { member: name, ...payload }));
}

/** An exit the member did not ask for (its own policy restarts it; the group's strategy may add more). */
export function isUnexpectedExit(reason: ExitReason): boolean {
  return reason !== 'stopped' && reason !== 'restart';
}

/**
 * Starts `names` (a subset of the start order), each once the dependencies among them are ready;
 * `proceed()` is asked before each start (false once the group is stopping or failed).
 */
export function startInOrder<Name extends string>(config: GroupConfig<Name>, members: ReadonlyMap<Name, Supervisor>, names: readonly Name[], proceed: () => boolean, signal: AbortSignal | undefined): Array<Promise<StartResult>> {
  const started = new Map<Name, Promise<StartResult>>();
  for (const name of config.order.filter((n) => names.includes(n))) {
    const deps = (config.dependsOn.get(name) ?? []).filter((d) => started.has(d)).map((d) => started.get(d) as Promise<StartResult>);
    const member = members.get(name) as Supervisor;
    const start = Promise.all(deps).then(() => {
      if (!proceed()) throw new SupervisorError('SUP_ERR_ABORTED', name, 'the group stopped before this member started');
      return member.start(signal === undefined ? undefined : { signal });
    });
    start.catch(() => undefined); // the caller sees the first rejection; the others must not be unhandled
    started.set(name, start);
  }
  return names.map((name) => started.get(name) as Promise<StartResult>);
}

/** Stops `names` in reverse start order, one after the other; throws SUP_ERR_STOP_TIMEOUT if any tree survived. */
export async function stopInReverse<Name extends string>(group: string, names: readonly Name[], members: ReadonlyMap<Name, Supervisor>): Promise<void> {
  const failures: string[] = [];
  for (const name of [...names].reverse()) {
    await (members.get(name) as Supervisor).stop().catch((error: unknown) => failures.push(`${name}: ${(error as Error).message}`));
  }
  if (failures.length > 0) throw new SupervisorError('SUP_ERR_STOP_TIMEOUT', group, failures.join('; '));
}
