/** Names of the environment variables the supervisor sets for its child. */
export const ENV_PORT = 'PORT';
export const ENV_INSTANCE_ID = 'SUPERVISOR_INSTANCE_ID';
export const ENV_PARENT_PID = 'SUPERVISOR_PARENT_PID';

/** What a supervised backend learns from its environment at launch. */
export interface LaunchContext {
  /** The port to listen on (`PORT`), or `undefined` when unset or empty. */
  readonly port: number | undefined;
  /** The per-launch id to return as `instance` from the health route (`SUPERVISOR_INSTANCE_ID`). */
  readonly instanceId: string | undefined;
  /** The pid of the supervising process (`SUPERVISOR_PARENT_PID`), or `undefined` when not supervised. */
  readonly parentPid: number | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the launch context the supervisor passes in the environment.
 *
 * @param env - the environment to read.
 * @default env `process.env`
 * @throws TypeError when `PORT` or `SUPERVISOR_PARENT_PID` is set but is not a valid integer.
 */
export function readLaunchContext(env: Env = process.env): LaunchContext {
  const instanceId = nonEmpty(env[ENV_INSTANCE_ID]);
  return {
    port: parseInteger(ENV_PORT, env[ENV_PORT], 0, 65_535),
    instanceId,
    parentPid: parseInteger(ENV_PARENT_PID, env[ENV_PARENT_PID], 1, 2 ** 31 - 1),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function parseInteger(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  const text = nonEmpty(raw);
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new TypeError(`Environment variable ${name} must be an integer from ${min} to ${max}, received ${JSON.stringify(raw)}`);
  }
  return value;
}
