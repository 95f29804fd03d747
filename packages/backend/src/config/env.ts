import envPaths from 'env-paths';
import { readLaunchContext } from '@sentinel/supervisor/child';
import { isLoopbackName } from '../app/loopback.js';

/** Default bind address: loopback only. Anything else must be set explicitly in HOST. */
export const DEFAULT_HOST = '127.0.0.1';
/**
 * Default bound on letting in-flight requests finish after SIGTERM: the drain plus the 1 s hard-exit
 * margin stay under the supervisor's default 5 s stop timeout, so the backend exits before SIGKILL.
 */
export const DEFAULT_DRAIN_TIMEOUT_MS = 3_000;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * What the model providers are reached with, read from the environment: the sidecar and the
 * `sentinel` CLI both read it here (see the README for every variable).
 */
export interface ModelEnvironment {
  readonly anthropicApiKey: string | undefined;
  readonly anthropicBaseUrl: string | undefined;
  readonly openaiApiKey: string | undefined;
  readonly openaiBaseUrl: string | undefined;
  readonly modelTimeoutMs: number | undefined;
  readonly modelMaxRetries: number | undefined;
}

/** The sidecar's configuration, read from the environment (see the README for every variable). */
export interface BackendConfig extends ModelEnvironment {
  readonly port: number;
  readonly host: string;
  readonly token: string | undefined;
  readonly instanceId: string | undefined;
  readonly dataDir: string;
  /** `SENTINEL_WORKSPACE`: the library's folder; undefined means `<dataDir>/workspace`. */
  readonly workspaceDir: string | undefined;
  readonly logLevel: string;
  readonly allowedOrigins: readonly string[];
  readonly drainTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function bad(name: string, received: string, expected: string): TypeError {
  return new TypeError(`Environment variable ${name} must be ${expected}; received ${JSON.stringify(received)}`);
}

function integer(env: Env, name: string, minimum: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < minimum) throw bad(name, raw, `an integer >= ${minimum}`);
  return Number(raw);
}

function baseUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const protocol = URL.canParse(raw) ? new URL(raw).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw bad(name, raw, 'an http(s) URL');
  return raw;
}

function logLevel(env: Env): string {
  const raw = value(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw bad('LOG_LEVEL', raw, `one of ${LOG_LEVELS.join(', ')}`);
  return raw;
}

function origins(env: Env): string[] {
  const list = (value(env, 'SENTINEL_ALLOWED_ORIGINS') ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  const wildcard = list.find((origin) => origin === '*');
  if (wildcard !== undefined) throw bad('SENTINEL_ALLOWED_ORIGINS', wildcard, 'exact origins (no "*")');
  return list;
}

/**
 * Reads the providers' keys and endpoints (`ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`,
 * `OPENAI_API_KEY`, `OPENAI_BASE_URL`) and the model call bounds (`SENTINEL_MODEL_TIMEOUT_MS`,
 * `SENTINEL_MODEL_MAX_RETRIES`) from the environment.
 * @throws TypeError naming the variable and the value (secrets are never echoed) when one is malformed.
 */
export function readModelEnvironment(env: Env = process.env): ModelEnvironment {
  return {
    anthropicApiKey: value(env, 'ANTHROPIC_API_KEY'),
    anthropicBaseUrl: baseUrl(env, 'ANTHROPIC_BASE_URL'),
    openaiApiKey: value(env, 'OPENAI_API_KEY'),
    openaiBaseUrl: baseUrl(env, 'OPENAI_BASE_URL'),
    modelTimeoutMs: integer(env, 'SENTINEL_MODEL_TIMEOUT_MS', 1),
    modelMaxRetries: integer(env, 'SENTINEL_MODEL_MAX_RETRIES', 0),
  };
}

/**
 * Reads the configuration from the environment.
 * @throws TypeError naming the variable and the value (secrets are never echoed) when one is malformed.
 */
export function readConfig(env: Env = process.env): BackendConfig {
  const launch = readLaunchContext(env);
  return {
    port: launch.port ?? 0,
    host: value(env, 'HOST') ?? DEFAULT_HOST,
    token: value(env, 'SENTINEL_TOKEN'),
    instanceId: launch.instanceId,
    ...readModelEnvironment(env),
    dataDir: value(env, 'SENTINEL_DATA_DIR') ?? envPaths('sentinel', { suffix: '' }).data,
    workspaceDir: value(env, 'SENTINEL_WORKSPACE'),
    logLevel: logLevel(env),
    allowedOrigins: origins(env),
    drainTimeoutMs: integer(env, 'SENTINEL_DRAIN_TIMEOUT_MS', 1) ?? DEFAULT_DRAIN_TIMEOUT_MS,
  };
}

/** Host names to accept in Host headers besides loopback: the bind address when it was set to a non-loopback one. */
export function extraHostsFor(host: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  return wildcard || isLoopbackName(host) ? [] : [host];
}
