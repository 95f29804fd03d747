import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { createBackendApp, type BackendAppOptions } from '../../src/app/create-app.js';
import { startAnthropicStub, type AnthropicStub } from '../../src/testing/index.js';
import { makeTempDir } from './temp-dir.js';

export const TOKEN = 'test-token-5f1c2a9e7b';
export const API_KEY = 'sk-ant-test-key-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TOKEN}` } as const;

/** Log lines captured from the app, parsed as JSON. */
export class LogCapture extends Writable {
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
    done();
  }
  get lines(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface AppFixture {
  readonly app: FastifyInstance;
  readonly stub: AnthropicStub;
  readonly logs: LogCapture;
  readonly dataDir: string;
}

const open: Array<() => Promise<void>> = [];

/** An app wired to a fresh stub and data dir, with the token and key set; closed by `closeFixtures()`. */
export async function startAppFixture(overrides: Partial<BackendAppOptions> = {}): Promise<AppFixture> {
  const stub = await startAnthropicStub();
  open.push(() => stub.close());
  const dataDir = await makeTempDir();
  const logs = new LogCapture();
  const app = await createBackendApp({
    dataDir,
    token: TOKEN,
    instanceId: 'instance-test-1',
    anthropicApiKey: API_KEY,
    anthropicBaseUrl: stub.url,
    modelMaxRetries: 0,
    logger: { level: 'debug', stream: logs },
    ...overrides,
  });
  open.push(() => app.close());
  return { app, stub, logs, dataDir };
}

export async function closeFixtures(): Promise<void> {
  for (const close of open.splice(0).reverse()) await close();
}

/** A valid test spec, with fields overridable. */
export function spec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'capital',
    model: 'claude-test-1',
    inputs: { query: 'What is the capital of France?', system: 'Answer in one word.' },
    max_tokens: 64,
    temperature: 0,
    assertions: [{ must_contain: 'France' }],
    ...overrides,
  };
}
