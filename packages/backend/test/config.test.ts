import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBackendApp } from '../src/app/create-app.js';
import { extraHostsFor, readConfig } from '../src/config/env.js';
import { BACKEND_VERSION } from '../src/version.js';

describe('readConfig', () => {
  it('defaults to loopback, port 0, info logs, no token/key, and the per-user data dir', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 0, logLevel: 'info', token: undefined, anthropicApiKey: undefined, allowedOrigins: [], drainTimeoutMs: 3_000 });
    expect(config.dataDir).toMatch(/sentinel/);
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '8123',
      HOST: '::1',
      SENTINEL_TOKEN: 't',
      SUPERVISOR_INSTANCE_ID: 'i',
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/',
      OPENAI_API_KEY: 'ok',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      SENTINEL_DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'warn',
      SENTINEL_ALLOWED_ORIGINS: 'http://localhost:5173, app://sentinel',
      SENTINEL_DRAIN_TIMEOUT_MS: '100',
      SENTINEL_MODEL_TIMEOUT_MS: '2000',
      SENTINEL_MODEL_MAX_RETRIES: '0',
    });
    expect(config).toEqual({
      port: 8123,
      host: '::1',
      token: 't',
      instanceId: 'i',
      anthropicApiKey: 'k',
      anthropicBaseUrl: 'http://127.0.0.1:9/',
      openaiApiKey: 'ok',
      openaiBaseUrl: 'http://127.0.0.1:9/v1',
      dataDir: '/tmp/x',
      logLevel: 'warn',
      allowedOrigins: ['http://localhost:5173', 'app://sentinel'],
      drainTimeoutMs: 100,
      modelTimeoutMs: 2000,
      modelMaxRetries: 0,
    });
  });

  it.each([
    { env: { PORT: 'eighty' }, name: 'PORT' },
    { env: { PORT: '70000' }, name: 'PORT' },
    { env: { LOG_LEVEL: 'loud' }, name: 'LOG_LEVEL' },
    { env: { ANTHROPIC_BASE_URL: 'file:///etc/passwd' }, name: 'ANTHROPIC_BASE_URL' },
    { env: { OPENAI_BASE_URL: 'api.openai.com/v1' }, name: 'OPENAI_BASE_URL' },
    { env: { SENTINEL_ALLOWED_ORIGINS: 'http://a, *' }, name: 'SENTINEL_ALLOWED_ORIGINS' },
    { env: { SENTINEL_DRAIN_TIMEOUT_MS: '0' }, name: 'SENTINEL_DRAIN_TIMEOUT_MS' },
  ])('throws a TypeError naming $name', ({ env, name }) => {
    expect(() => readConfig(env)).toThrow(TypeError);
    expect(() => readConfig(env)).toThrow(name);
  });

  it('accepts extra Host names only for an explicit non-loopback, non-wildcard HOST', () => {
    expect(extraHostsFor('127.0.0.1')).toEqual([]);
    expect(extraHostsFor('0.0.0.0')).toEqual([]);
    expect(extraHostsFor('192.168.1.5')).toEqual(['192.168.1.5']);
  });
});

describe('createBackendApp options', () => {
  it.each([
    { options: { dataDir: '' }, pattern: /"dataDir"/ },
    { options: { dataDir: '/tmp/x', modelTimeoutMs: -1 }, pattern: /"modelTimeoutMs".*-1/ },
    { options: { dataDir: '/tmp/x', allowedOrigins: ['*'] }, pattern: /"allowedOrigins"/ },
    { options: { dataDir: '/tmp/x', token: 42 }, pattern: /"token".*a number/ },
  ])('rejects $options with a TypeError naming the option', async ({ options, pattern }) => {
    await expect(createBackendApp(options as never)).rejects.toThrow(pattern);
    await expect(createBackendApp(options as never)).rejects.toBeInstanceOf(TypeError);
  });
});

describe('version', () => {
  it('reports the package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(BACKEND_VERSION).toBe(pkg.version);
  });
});
