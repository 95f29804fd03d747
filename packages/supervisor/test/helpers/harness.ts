import { afterEach, expect } from 'vitest';
import { Supervisor, type SupervisorEvents, type SupervisorOptions } from '../../src/index.js';
import { isProcessGone, killAll, waitGone } from './proc.js';
import { tempDir } from './fixtures.js';

type EventName = keyof SupervisorEvents;
type Payload<E extends EventName> = SupervisorEvents[E][0];

/** One recorded event with its time. */
export interface Recorded {
  readonly event: EventName;
  readonly payload: unknown;
  readonly at: number;
}

const supervisors = new Set<Supervisor>();
const extraPids = new Set<number>();
const spawnedPids = new Set<number>();

/** Creates a supervisor that is stopped after the test, with every event recorded and every spawned pid tracked. */
export function supervise(options: Partial<SupervisorOptions> & Pick<SupervisorOptions, 'command'>): { sup: Supervisor; history: Recorded[] } {
  const sup = new Supervisor({ name: 'test', runtimeDir: tempDir(), ...options } as SupervisorOptions);
  const history: Recorded[] = [];
  for (const event of ['state', 'spawn', 'ready', 'unhealthy', 'exit', 'backoff', 'failed'] as const) {
    sup.on(event, (payload: unknown) => history.push({ event, payload, at: Date.now() }));
  }
  sup.on('spawn', ({ pid }) => spawnedPids.add(pid));
  supervisors.add(sup);
  return { sup, history };
}

/** Also kill these pids after the test (grandchildren reported by fixtures). */
export function trackPids(pids: readonly number[]): void {
  for (const pid of pids) extraPids.add(pid);
}

/** Resolves with the next `event` whose payload passes `match`. */
export function next<E extends EventName>(sup: Supervisor, event: E, match: (payload: Payload<E>) => boolean = () => true): Promise<Payload<E>> {
  return new Promise((resolve) => {
    const listener = (payload: Payload<E>): void => {
      if (!match(payload)) return;
      sup.off(event, listener as never);
      resolve(payload);
    };
    sup.on(event, listener as never);
  });
}

/** Every state transition in the history, as "from->to". */
export function transitions(history: readonly Recorded[]): string[] {
  return history.filter((r) => r.event === 'state').map((r) => {
    const p = r.payload as Payload<'state'>;
    return `${p.from}->${p.to}`;
  });
}

/** Stops every supervisor of the test, then checks that no process it spawned is left. */
afterEach(async () => {
  const all = [...supervisors];
  supervisors.clear();
  await Promise.allSettled(all.map((sup) => sup.stop()));
  const pids = [...spawnedPids, ...extraPids];
  spawnedPids.clear();
  extraPids.clear();
  try {
    await waitGone(pids, 15_000);
  } finally {
    killAll(pids);
  }
  expect(pids.filter((pid) => !isProcessGone(pid))).toEqual([]);
});
