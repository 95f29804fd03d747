import { ENV_INSTANCE_ID, ENV_PARENT_PID, ENV_PORT } from '../child/launch-context.js';
import { SupervisorError } from '../errors.js';
import { describeValue } from '../options/describe-value.js';
import { isRecord } from '../options/checks.js';
import type { EnvVars, LaunchInfo } from './types.js';

export const PORT_PLACEHOLDER = '{port}';

/** Replaces every '{port}' in the arguments. */
export function substitutePort(args: readonly string[], port: number | undefined): string[] {
  return port === undefined ? [...args] : args.map((arg) => arg.split(PORT_PLACEHOLDER).join(String(port)));
}

/** The `env` option's variables for one launch: the object, or what the function returns (checked). */
export function envForLaunch(name: string, env: EnvVars | ((launch: LaunchInfo) => EnvVars), launch: LaunchInfo): EnvVars {
  if (typeof env !== 'function') return env;
  let vars: unknown;
  try {
    vars = env(launch);
  } catch (cause) {
    throw new SupervisorError('SUP_ERR_SPAWN', name, `env() threw: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const bad = isRecord(vars) ? Object.entries(vars).find(([, v]) => v !== undefined && typeof v !== 'string') : undefined;
  if (!isRecord(vars) || bad !== undefined) {
    const what = bad === undefined ? describeValue(vars) : `${bad[0]}: ${describeValue(bad[1])}`;
    throw new SupervisorError('SUP_ERR_SPAWN', name, `env() must return an object of strings (or undefined to remove one), returned ${what}`);
  }
  return vars as EnvVars;
}

/** process.env, then the configured variables (undefined deletes), then PORT and the supervisor's variables. */
export function buildChildEnv(overrides: EnvVars, port: number | undefined, instanceId: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  if (port !== undefined) env[ENV_PORT] = String(port);
  env[ENV_INSTANCE_ID] = instanceId;
  env[ENV_PARENT_PID] = String(process.pid);
  return env;
}
