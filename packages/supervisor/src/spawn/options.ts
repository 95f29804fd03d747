import { fail, isRecord, nonEmptyString, optionalFunction } from '../options/checks.js';
import { PORT_PLACEHOLDER } from './child-env.js';
import { spawnProcess } from './spawn-process.js';
import type { EnvVars, LaunchInfo, SpawnFunction } from './types.js';

/** What to run, after validation. */
export interface SpawnConfig {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: EnvVars | ((launch: LaunchInfo) => EnvVars);
  readonly cwd: string | undefined;
  readonly spawn: SpawnFunction;
}

export function parseSpawnOptions(raw: Record<string, unknown>, hasPort: boolean): SpawnConfig {
  return {
    command: nonEmptyString('command', raw['command']),
    args: parseArgs(raw['args'], hasPort),
    env: parseEnv(raw['env']),
    cwd: raw['cwd'] === undefined ? undefined : nonEmptyString('cwd', raw['cwd']),
    spawn: optionalFunction<SpawnFunction>('spawn', raw['spawn']) ?? spawnProcess,
  };
}

function parseArgs(value: unknown, hasPort: boolean): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) fail('args', 'an array of strings', value);
  const index = hasPort ? -1 : value.findIndex((a: string) => a.includes(PORT_PLACEHOLDER));
  if (index >= 0) fail(`args[${index}]`, `free of '${PORT_PLACEHOLDER}' when port is false (there is no port to put there)`, value[index]);
  return [...(value as string[])];
}

function parseEnv(value: unknown): SpawnConfig['env'] {
  if (value === undefined) return {};
  if (typeof value === 'function') return value as (launch: LaunchInfo) => EnvVars;
  if (!isRecord(value)) fail('env', 'an object of strings, or a function returning one', value);
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== 'string') fail(`env.${key}`, 'a string or undefined', v);
  }
  return { ...(value as Record<string, string | undefined>) };
}
