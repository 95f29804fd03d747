import { describe, expect, it } from 'vitest';
import { Supervisor, type SupervisorOptions } from '../src/index.js';
import { normalizeOptions } from '../src/options/normalize.js';

const base: SupervisorOptions = { name: 'b', command: 'node', runtimeDir: false };

describe('options', () => {
  it('applies documented defaults', () => {
    const config = normalizeOptions(base);
    expect(config).toMatchObject({
      args: [],
      env: {},
      cwd: undefined,
      port: 'auto',
      host: '127.0.0.1',
      readiness: { check: { kind: 'tcp' }, timeoutMs: 30_000 },
      health: { check: { kind: 'tcp' }, intervalMs: 2_000, timeoutMs: 1_000, failureThreshold: 3 },
      restart: { initialDelayMs: 100, factor: 2, maxDelayMs: 15_000, jitter: 0.1, resetAfterMs: 30_000, maxRestarts: 5, windowMs: 60_000 },
      stop: { signal: 'SIGTERM', timeoutMs: 5_000 },
      logs: { maxLineBytes: 65_536, lastLines: 30 },
      logger: undefined,
      runtimeDir: false,
    });
  });

  it('health defaults to the http readiness check, with its instance id requirement', () => {
    const config = normalizeOptions({ ...base, readiness: { http: '/health', requireInstanceId: true } });
    expect(config.health).toMatchObject({ check: { kind: 'http', path: '/health', requireInstanceId: true } });
  });

  it('a stdout readiness has no default health probe, and port false needs a stdout readiness', () => {
    expect(normalizeOptions({ ...base, port: false, readiness: { stdout: /up/g } })).toMatchObject({ health: false, readiness: { check: { kind: 'stdout', pattern: /up/ } } });
  });

  it.each([
    { options: { name: '' }, option: 'name', value: '""' },
    { options: { name: 'a/b' }, option: 'name', value: '"a/b"' },
    { options: { command: 42 }, option: 'command', value: '42' },
    { options: { args: ['ok', 3] }, option: 'args', value: '["ok",3]' },
    { options: { env: { A: 1 } }, option: 'env.A', value: '1' },
    { options: { port: 0 }, option: 'port', value: '0' },
    { options: { port: 70_000 }, option: 'port', value: '70000' },
    { options: { port: 'any' }, option: 'port', value: '"any"' },
    { options: { host: '0.0.0.0' }, option: 'host', value: '"0.0.0.0"' },
    { options: { port: false }, option: 'readiness', value: 'undefined' },
    { options: { readiness: { http: 'health' } }, option: 'readiness.http', value: '"health"' },
    { options: { readiness: { tcp: true, http: '/' } }, option: 'readiness', value: '{"tcp":true,"http":"/"}' },
    { options: { readiness: { stdout: 'up' } }, option: 'readiness.stdout', value: '"up"' },
    { options: { readiness: { tcp: true, timeoutMs: -5 } }, option: 'readiness.timeoutMs', value: '-5' },
    { options: { health: { stdout: /x/ } }, option: 'health.stdout', value: '/x/' },
    { options: { health: { tcp: true, intervalMs: 0 } }, option: 'health.intervalMs', value: '0' },
    { options: { health: { tcp: true, failureThreshold: 1.5 } }, option: 'health.failureThreshold', value: '1.5' },
    { options: { restart: { factor: 0.5 } }, option: 'restart.factor', value: '0.5' },
    { options: { restart: { jitter: 2 } }, option: 'restart.jitter', value: '2' },
    { options: { restart: { initialDelayMs: 500, maxDelayMs: 100 } }, option: 'restart.maxDelayMs', value: '100' },
    { options: { restart: { maxRestarts: -1 } }, option: 'restart.maxRestarts', value: '-1' },
    { options: { restart: true } }, 
    { options: { stop: { signal: 'SIGNOPE' } }, option: 'stop.signal', value: '"SIGNOPE"' },
    { options: { stop: { timeoutMs: Number.NaN } }, option: 'stop.timeoutMs', value: 'null' },
    { options: { logs: { maxLineBytes: 10 } }, option: 'logs.maxLineBytes', value: '10' },
    { options: { logger: console } }, 
    { options: { healthcheck: {} }, option: 'options.healthcheck', value: '{}' },
  ] as Array<{ options: Record<string, unknown>; option?: string; value?: string }>)('rejects $options with a TypeError naming the option and the value', ({ options, option, value }) => {
    const create = (): Supervisor => new Supervisor({ ...base, ...options } as SupervisorOptions);
    expect(create).toThrow(TypeError);
    if (option !== undefined) {
      expect(create).toThrow(`Option ${option} must be`);
      expect(create).toThrow(`received ${String(value)}`);
    }
  });
});
