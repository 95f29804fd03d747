/**
 * The host subprocess: runs one @sentinel/supervisor Supervisor (or a SupervisorGroup with the backend
 * as a member) and streams every event of the backend's supervisor, timestamped, to the chaos runner
 * over IPC. The runner may SIGKILL it at any moment and start a new one.
 */
import { now } from '../history/clock.js';
import { HOST_CONFIG_ENV, isRunnerToHost, type HostSupervisorConfig, type HostToRunner, type RunnerToHost } from './protocol.js';
import { serializeEvent } from './serialize-event.js';
import { LogThrottle } from './log-throttle.js';
import { FLOOD_END_MARKER } from '../faults/flood-marker.js';
import { toSupervisorOptions } from './supervisor-options.js';
import { groupTarget, singleTarget, type HostTarget } from './group-target.js';

const FORWARDED_EVENTS = ['state', 'spawn', 'ready', 'unhealthy', 'exit', 'backoff', 'failed'] as const;

function send(message: HostToRunner): void {
  if (process.connected) process.send?.(message);
}

function readConfig(): HostSupervisorConfig {
  const raw = process.env[HOST_CONFIG_ENV];
  if (raw === undefined) throw new TypeError(`${HOST_CONFIG_ENV} is not set: the host is started by the chaos runner`);
  return JSON.parse(raw) as HostSupervisorConfig;
}

async function handle(target: HostTarget, message: RunnerToHost): Promise<unknown> {
  if (message.command === 'start') return serializeEvent(await target.start());
  if (message.command === 'stop') return void (await target.stop());
  return serializeEvent(target.backend.snapshot());
}

async function main(): Promise<void> {
  const config = readConfig();
  const options = toSupervisorOptions(config);
  const target = config.group === true ? groupTarget(options, (pid) => send({ type: 'companion', t: now(), pid })) : singleTarget(options);
  const supervisor = target.backend;
  for (const event of FORWARDED_EVENTS) {
    supervisor.on(event, (data: object) => send({ type: 'event', t: now(), event, data: serializeEvent(data) }));
  }
  const throttle = new LogThrottle();
  supervisor.on('log', (line: { time: number; line: string }) => {
    const dropped = line.line.startsWith(FLOOD_END_MARKER) ? 0 : throttle.admit(line.time);
    if (dropped === undefined) return;
    send({ type: 'event', t: now(), event: 'log', data: { ...serializeEvent(line), droppedBefore: dropped } });
  });
  process.on('message', (message: unknown) => {
    if (!isRunnerToHost(message)) return;
    handle(target, message).then(
      (value) => send({ type: 'reply', t: now(), id: message.id, ok: true, value }),
      (error: unknown) => send({ type: 'reply', t: now(), id: message.id, ok: false, error: error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error) }),
    );
  });
  // A terminal's Ctrl-C reaches the whole process group: the runner decides when this host ends.
  process.on('SIGINT', () => {});
  // The runner went away without killing us: stop the backend, then leave.
  process.on('disconnect', () => void target.stop().finally(() => process.exit(0)));
  send({ type: 'hello', t: now(), pid: process.pid });
}

main().catch((error: unknown) => {
  send({ type: 'fatal', t: now(), error: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
