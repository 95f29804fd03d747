import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisorOptions } from './types.js';
import type { HealthConfig, RestartConfig, SupervisorConfig } from './config.js';
import * as D from './defaults.js';
import { parseCheck } from './checks-config.js';
import { fail, integerAtLeast, isRecord, nonEmptyString, numberInRange, onlyKeys, positiveMs } from './checks.js';
import { constants as osConstants } from 'node:os';

const KNOWN = ['name', 'command', 'args', 'env', 'cwd', 'port', 'host', 'readiness', 'health', 'restart', 'stop', 'logs', 'logger', 'runtimeDir'];
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/** Applies defaults and validates; throws a TypeError naming the option and the value. */
export function normalizeOptions(options: SupervisorOptions): SupervisorConfig {
  if (!isRecord(options)) fail('options', 'an object', options);
  onlyKeys('options', options as unknown as Record<string, unknown>, KNOWN);
  const name = nonEmptyString('name', options.name);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) fail('name', 'made of letters, digits, ".", "_" or "-"', name);
  const port = parsePort(options.port);
  const readiness = parseReadiness(options.readiness, port);
  return {
    name,
    command: nonEmptyString('command', options.command),
    args: parseArgs(options.args),
    env: parseEnv(options.env),
    cwd: options.cwd === undefined ? undefined : nonEmptyString('cwd', options.cwd),
    port,
    host: parseHost(options.host),
    readiness,
    health: parseHealth(options.health, readiness.check, port),
    restart: parseRestart(options.restart),
    stop: parseStop(options.stop),
    logs: {
      maxLineBytes: integerAtLeast('logs.maxLineBytes', options.logs?.maxLineBytes, D.DEFAULT_MAX_LINE_BYTES, 64),
      lastLines: integerAtLeast('logs.lastLines', options.logs?.lastLines, D.DEFAULT_LAST_LINES, 0),
    },
    logger: parseLogger(options.logger),
    runtimeDir: parseRuntimeDir(options.runtimeDir),
  };
}

function parsePort(value: unknown): 'auto' | number | false {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === false) return false;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65_535) fail('port', "'auto', false or an integer from 1 to 65535", value);
  return value;
}

function parseArgs(value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) fail('args', 'an array of strings', value);
  return [...value];
}

function parseEnv(value: unknown): Readonly<Record<string, string | undefined>> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail('env', 'an object of strings', value);
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== 'string') fail(`env.${key}`, 'a string or undefined', v);
  }
  return { ...(value as Record<string, string | undefined>) };
}

function parseHost(value: unknown): string {
  if (value === undefined) return D.DEFAULT_HOST;
  if (typeof value !== 'string' || !LOOPBACK_HOSTS.includes(value)) fail('host', `a loopback host (${LOOPBACK_HOSTS.join(', ')})`, value);
  return value;
}

function parseReadiness(value: SupervisorOptions['readiness'], port: 'auto' | number | false): SupervisorConfig['readiness'] {
  if (value === undefined && port === false) fail('readiness', 'a { stdout: RegExp } check when port is false', value);
  const check = parseCheck('readiness', value ?? { tcp: true }, true);
  if (check.kind !== 'stdout' && port === false) fail('readiness', 'a { stdout: RegExp } check when port is false', value);
  return { check, timeoutMs: positiveMs('readiness.timeoutMs', value?.timeoutMs, D.DEFAULT_READY_TIMEOUT_MS) };
}

function parseHealth(value: SupervisorOptions['health'], readiness: SupervisorConfig['readiness']['check'], port: 'auto' | number | false): HealthConfig | false {
  if (value === false) return false;
  if (value === undefined && readiness.kind === 'stdout') return false;
  if (port === false) fail('health', 'false when port is false', value);
  const check = value === undefined ? readiness : parseCheck('health', value, false);
  if (check.kind === 'stdout') return false;
  const intervalMs = positiveMs('health.intervalMs', value?.intervalMs, D.DEFAULT_HEALTH_INTERVAL_MS);
  const timeoutMs = positiveMs('health.timeoutMs', value?.timeoutMs, D.DEFAULT_HEALTH_TIMEOUT_MS);
  const failureThreshold = integerAtLeast('health.failureThreshold', value?.failureThreshold, D.DEFAULT_HEALTH_FAILURE_THRESHOLD, 1);
  return { check, intervalMs, timeoutMs, failureThreshold };
}

function parseRestart(value: SupervisorOptions['restart']): RestartConfig | false {
  if (value === false) return false;
  if (value !== undefined && !isRecord(value)) fail('restart', 'an object or false', value);
  const initialDelayMs = numberInRange('restart.initialDelayMs', value?.initialDelayMs, D.DEFAULT_RESTART_INITIAL_DELAY_MS, 0, 2 ** 31 - 1);
  const maxDelayMs = numberInRange('restart.maxDelayMs', value?.maxDelayMs, D.DEFAULT_RESTART_MAX_DELAY_MS, 0, 2 ** 31 - 1);
  if (maxDelayMs < initialDelayMs) fail('restart.maxDelayMs', `>= restart.initialDelayMs (${initialDelayMs})`, maxDelayMs);
  return {
    initialDelayMs,
    factor: numberInRange('restart.factor', value?.factor, D.DEFAULT_RESTART_FACTOR, 1, 100),
    maxDelayMs,
    jitter: numberInRange('restart.jitter', value?.jitter, D.DEFAULT_RESTART_JITTER, 0, 1),
    resetAfterMs: positiveMs('restart.resetAfterMs', value?.resetAfterMs, D.DEFAULT_RESTART_RESET_AFTER_MS),
    maxRestarts: integerAtLeast('restart.maxRestarts', value?.maxRestarts, D.DEFAULT_RESTART_MAX_RESTARTS, 0),
    windowMs: positiveMs('restart.windowMs', value?.windowMs, D.DEFAULT_RESTART_WINDOW_MS),
  };
}

function parseStop(value: SupervisorOptions['stop']): SupervisorConfig['stop'] {
  if (value !== undefined && !isRecord(value)) fail('stop', 'an object', value);
  const signal = value?.signal ?? D.DEFAULT_STOP_SIGNAL;
  if (typeof signal !== 'string' || !(signal in osConstants.signals)) fail('stop.signal', 'a signal name such as "SIGTERM"', signal);
  return { signal: signal as NodeJS.Signals, timeoutMs: positiveMs('stop.timeoutMs', value?.timeoutMs, D.DEFAULT_STOP_TIMEOUT_MS) };
}

function parseLogger(value: unknown): SupervisorConfig['logger'] {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value['child'] !== 'function' || typeof value['info'] !== 'function') fail('logger', 'a pino Logger', value);
  return value as unknown as SupervisorConfig['logger'];
}

function parseRuntimeDir(value: unknown): string | false {
  if (value === false) return false;
  if (value !== undefined) return nonEmptyString('runtimeDir', value);
  const xdg = process.env['XDG_RUNTIME_DIR'];
  if (xdg !== undefined && xdg !== '') return join(xdg, 'sentinel-supervisor');
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : (process.env['USERNAME'] ?? 'user');
  return join(tmpdir(), `sentinel-supervisor-${uid}`);
}
