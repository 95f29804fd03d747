import { parseHealth } from '../health/options.js';
import { parseLogger, parseLogs } from '../logs/options.js';
import { parseMetrics } from '../metrics/options.js';
import { parseRuntimeDir } from '../orphans/options.js';
import { parseHost, parsePort } from '../port/options.js';
import { parseReadiness } from '../readiness/options.js';
import { parseRestart } from '../restart/options.js';
import { parseSpawnOptions } from '../spawn/options.js';
import { parseStop } from '../stop/options.js';
import { fail, isRecord, nonEmptyString, onlyKeys, optionalBoolean } from './checks.js';
import type { SupervisorConfig } from './config.js';
import type { SupervisorOptions } from './types.js';

const KNOWN: ReadonlyArray<keyof SupervisorOptions> = ['name', 'command', 'args', 'env', 'cwd', 'spawn', 'port', 'host', 'readiness', 'health', 'restart', 'stop', 'logs', 'metrics', 'logger', 'runtimeDir', 'stopOnHostExit', 'cgroup'];

/** Applies defaults and validates every level; throws a TypeError naming the option and the value. */
export function normalizeOptions(options: SupervisorOptions): SupervisorConfig {
  if (!isRecord(options)) fail('options', 'an object', options);
  const raw = options as unknown as Record<string, unknown>;
  onlyKeys('options', raw, KNOWN);
  const name = nonEmptyString('name', raw['name']);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) fail('name', 'made of letters, digits, ".", "_" or "-"', name);
  const port = parsePort(raw['port']);
  const readiness = parseReadiness(raw['readiness'], port !== false);
  return {
    name,
    spawn: parseSpawnOptions(raw, port !== false),
    port,
    host: parseHost(raw['host']),
    readiness,
    health: parseHealth(raw['health'], readiness.check, port !== false),
    restart: parseRestart(raw['restart']),
    stop: parseStop(raw['stop']),
    logs: parseLogs(raw['logs']),
    metrics: parseMetrics(raw['metrics']),
    logger: parseLogger(raw['logger']),
    runtimeDir: parseRuntimeDir(raw['runtimeDir']),
    stopOnHostExit: optionalBoolean('stopOnHostExit', raw['stopOnHostExit'], true),
    cgroup: optionalBoolean('cgroup', raw['cgroup'], false),
  };
}
