import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Supervisor, type SupervisorOptions } from '../src/index.js';
import { normalizeOptions } from '../src/options/normalize.js';
import { fixture } from './helpers/fixtures.js';

const base: SupervisorOptions = { name: 'b', command: 'node', runtimeDir: false };

describe('options', () => {
  it('applies documented defaults', () => {
    const config = normalizeOptions(base);
    expect(config).toMatchObject({
      spawn: { command: 'node', args: [], env: {}, cwd: undefined },
      port: 'auto',
      host: '127.0.0.1',
      readiness: { check: { kind: 'tcp' }, timeoutMs: 30_000, successThreshold: 1 },
      health: { check: { kind: 'tcp' }, intervalMs: 2_000, timeoutMs: 1_000, failureThreshold: 3, successThreshold: 1 },
      restart: { initialDelayMs: 100, factor: 2, maxDelayMs: 15_000, jitter: 0.1, resetAfterMs: 30_000, maxRestarts: 5, windowMs: 60_000 },
      stop: { signal: 'SIGTERM', timeoutMs: 5_000 },
      logs: { maxLineBytes: 65_536, lastLines: 30, groupStackTraces: true },
      metrics: { intervalMs: 5_000, maxRssBytes: undefined },
      logger: undefined,
      runtimeDir: false,
      stopOnHostExit: true,
      cgroup: false,
    });
  });

  it('health defaults to the http readiness check, with its instance id requirement and headers', () => {
    const config = normalizeOptions({ ...base, readiness: { http: '/health', requireInstanceId: true, headers: { 'x-a': '1' }, expectedStatus: [200, 204] } });
    expect(config.health).toMatchObject({ check: { kind: 'http', path: '/health', requireInstanceId: true, headers: { 'x-a': '1' }, expectedStatus: [200, 204] } });
  });

  it('a stdout readiness has no default health probe, and port false needs a stdout or probe readiness', () => {
    expect(normalizeOptions({ ...base, port: false, readiness: { stdout: /up/g } })).toMatchObject({ health: false, readiness: { check: { kind: 'stdout', pattern: /up/ } } });
    expect(normalizeOptions({ ...base, port: false, readiness: { probe: () => true } })).toMatchObject({ health: { check: { kind: 'custom' } } });
  });

  it.each([
    { options: { name: '' }, option: 'name', value: '""' },
    { options: { name: 'a/b' }, option: 'name', value: '"a/b"' },
    { options: { command: 42 }, option: 'command', value: '42' },
    { options: { args: ['ok', 3] }, option: 'args', value: '["ok",3]' },
    { options: { port: false, readiness: { stdout: /x/ }, args: ['--port', '{port}'] }, option: 'args[1]', value: '"{port}"' },
    { options: { env: { A: 1 } }, option: 'env.A', value: '1' },
    { options: { env: 5 }, option: 'env', value: '5' },
    { options: { spawn: 'fork' }, option: 'spawn', value: '"fork"' },
    { options: { port: 0 }, option: 'port', value: '0' },
    { options: { port: 70_000 }, option: 'port', value: '70000' },
    { options: { port: 'any' }, option: 'port', value: '"any"' },
    { options: { host: '0.0.0.0' }, option: 'host', value: '"0.0.0.0"' },
    { options: { port: false }, option: 'readiness', value: 'undefined' },
    { options: { readiness: { http: 'health' } }, option: 'readiness.http', value: '"health"' },
    { options: { readiness: { tcp: true, http: '/' } }, option: 'readiness', value: '{"tcp":true,"http":"/"}' },
    { options: { readiness: { stdout: 'up' } }, option: 'readiness.stdout', value: '"up"' },
    { options: { readiness: { stdout: /x/, successThreshold: 2 } }, option: 'readiness.successThreshold', value: '2' },
    { options: { readiness: { tcp: true, timeout: 5_000 } }, option: 'readiness.timeout', value: '5000' },
    { options: { readiness: { tcp: true, headers: {} } }, option: 'readiness.headers', value: '{}' },
    { options: { readiness: { tcp: true, timeoutMs: -5 } }, option: 'readiness.timeoutMs', value: '-5' },
    { options: { readiness: { tcp: true, timeoutMs: 2 ** 40 } }, option: 'readiness.timeoutMs', value: '1099511627776' },
    { options: { readiness: { tcp: true, timeoutMs: Number.POSITIVE_INFINITY } }, option: 'readiness.timeoutMs', value: 'Infinity' },
    { options: { readiness: { http: '/', expectedStatus: 700 } }, option: 'readiness.expectedStatus', value: '700' },
    { options: { readiness: { http: '/', headers: { 'x-a': 'a\nb' } } }, option: 'readiness.headers.x-a', value: '"a\\nb"' },
    { options: { readiness: { probe: 'yes' } }, option: 'readiness.probe', value: '"yes"' },
    { options: { health: { interval: 100 } }, option: 'health.interval', value: '100' },
    { options: { health: { stdout: /x/ } }, option: 'health.stdout', value: '/x/' },
    { options: { health: { tcp: true, intervalMs: 0 } }, option: 'health.intervalMs', value: '0' },
    { options: { health: { tcp: true, failureThreshold: 1.5 } }, option: 'health.failureThreshold', value: '1.5' },
    { options: { health: { tcp: true, successThreshold: 0 } }, option: 'health.successThreshold', value: '0' },
    { options: { restart: { retries: 3 } }, option: 'restart.retries', value: '3' },
    { options: { restart: { factor: 0.5 } }, option: 'restart.factor', value: '0.5' },
    { options: { restart: { jitter: 2 } }, option: 'restart.jitter', value: '2' },
    { options: { restart: { initialDelayMs: 500, maxDelayMs: 100 } }, option: 'restart.maxDelayMs', value: '100' },
    { options: { restart: { maxRestarts: -1 } }, option: 'restart.maxRestarts', value: '-1' },
    { options: { restart: { windowMs: 2 ** 31 } }, option: 'restart.windowMs', value: '2147483648' },
    { options: { restart: true }, option: 'restart', value: 'true' },
    { options: { stop: { signal: 'SIGNOPE' } }, option: 'stop.signal', value: '"SIGNOPE"' },
    { options: { stop: { timeoutMs: Number.NaN } }, option: 'stop.timeoutMs', value: 'NaN' },
    { options: { stop: { grace: 1 } }, option: 'stop.grace', value: '1' },
    { options: { logs: { maxLineBytes: 10 } }, option: 'logs.maxLineBytes', value: '10' },
    { options: { logs: { maxLines: 10 } }, option: 'logs.maxLines', value: '10' },
    { options: { metrics: { interval: 10 } }, option: 'metrics.interval', value: '10' },
    { options: { metrics: { maxRssBytes: 0.5 } }, option: 'metrics.maxRssBytes', value: '0.5' },
    { options: { logger: console }, option: 'logger', value: /received .*console.*\{ log: \[Function/i },
    { options: { logger: new (class FakeLogger { info(): void {} })() }, option: 'logger', value: 'FakeLogger {}' },
    { options: { stopOnHostExit: 1 }, option: 'stopOnHostExit', value: '1' },
    { options: { cgroup: 'yes' }, option: 'cgroup', value: '"yes"' },
    { options: { healthcheck: {} }, option: 'options.healthcheck', value: '{}' },
  ] as Array<{ options: Record<string, unknown>; option: string; value: string | RegExp }>)('rejects $options with a TypeError naming the option and the value', ({ options, option, value }) => {
    const create = (): Supervisor => new Supervisor({ ...base, ...options } as SupervisorOptions);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(`Option ${option} must be`);
    expect(create).toThrow(typeof value === 'string' ? `received ${value}` : value);
  });

  it('the README documents every option', () => {
    const readme = readFileSync(fixture('../../README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]));
    const keys = ['name', 'command', 'args', 'env', 'cwd', 'spawn', 'port', 'host', 'readiness', 'health', 'restart', 'stop', 'logs', 'metrics', 'logger', 'runtimeDir', 'stopOnHostExit', 'cgroup'];
    expect(keys.filter((k) => !documented.has(k))).toEqual([]);
  });
});
