import type { SupervisorOptions } from '@sentinel/supervisor';
import type { HostSupervisorConfig } from './protocol.js';

/** Turns the JSON host configuration into @sentinel/supervisor options (the stdout pattern back into a RegExp). */
export function toSupervisorOptions(config: HostSupervisorConfig): SupervisorOptions {
  const { readiness } = config;
  const readinessOptions =
    'stdoutPattern' in readiness ? { stdout: new RegExp(readiness.stdoutPattern), timeoutMs: readiness.timeoutMs } : readiness;
  return {
    name: config.name,
    command: config.command,
    args: config.args,
    env: config.env,
    ...(config.cwd === undefined ? {} : { cwd: config.cwd }),
    port: config.port,
    readiness: readinessOptions,
    health: config.health,
    restart: config.restart,
    stop: config.stop,
    runtimeDir: config.runtimeDir,
  };
}
