import { Supervisor, SupervisorGroup, type StartResult, type SupervisorOptions } from '@sentinel/supervisor';

/** The companion member: a Node process that says it is ready and idles (like a local database). */
const COMPANION_SCRIPT = "console.log('companion ready'); setInterval(() => {}, 1 << 30);";

/** What the host drives: one Supervisor, or the backend member of a group with a companion. */
export interface HostTarget {
  /** The backend's supervisor: its events are the ones the runner checks. */
  readonly backend: Supervisor;
  start(): Promise<StartResult>;
  stop(): Promise<void>;
}

/** A lone Supervisor. */
export function singleTarget(options: SupervisorOptions): HostTarget {
  const backend = new Supervisor(options);
  return { backend, start: () => backend.start(), stop: () => backend.stop() };
}

/**
 * The backend as the 'backend' member of a one_for_one SupervisorGroup, started after a 'companion'
 * it depends on and stopped before it. The group's own intensity is left to the backend's restart
 * policy (its budget is the group's), so the group fails exactly when the backend gives up.
 */
export function groupTarget(options: SupervisorOptions, onCompanionSpawn: (pid: number) => void): HostTarget {
  const restart = options.restart === false ? undefined : options.restart;
  const group = new SupervisorGroup({
    name: `${options.name}-group`,
    strategy: 'one_for_one',
    intensity: { maxRestarts: Number.MAX_SAFE_INTEGER, ...(restart?.windowMs === undefined ? {} : { windowMs: restart.windowMs }) },
    members: [
      { supervisor: { name: 'companion', command: process.execPath, args: ['-e', COMPANION_SCRIPT], port: false, readiness: { stdout: /^companion ready$/ }, metrics: false, ...(options.runtimeDir === undefined ? {} : { runtimeDir: options.runtimeDir }) } },
      { supervisor: { ...options, name: 'backend' }, dependsOn: ['companion'] },
    ],
  });
  group.on('member:spawn', ({ member, pid }) => member === 'companion' && onCompanionSpawn(pid));
  return { backend: group.member('backend'), start: async () => (await group.start()).backend, stop: () => group.stop() };
}
