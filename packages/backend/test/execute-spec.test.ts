import { afterEach, describe, expect, it } from 'vitest';
import { executeSpec } from '../src/execution/execute-spec.js';
import type { TestSpec } from '../src/execution/test-spec.js';
import type { ModelClient, ModelRequest } from '../src/model/types.js';
import { openSqliteStore } from '../src/store/index.js';
import { makeTempDir, removeTempDirs } from './helpers/temp-dir.js';

afterEach(removeTempDirs);

const testSpec: TestSpec = { name: 'n', model: 'm', inputs: { query: 'q' }, assertions: [{ must_contain: 'answer' }] };

/** A ModelClient that records its requests and answers at once (the SDK path is tested against the stub). */
function recordingModel(): ModelClient & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    requests,
    complete: async (request) => {
      requests.push(request);
      return { output: 'the answer', model: request.model, stopReason: 'end_turn', usage: { input_tokens: 1, output_tokens: 2 } };
    },
  };
}

describe('executeSpec', () => {
  it('answers HISTORY_WRITE_FAILED (500) when the run cannot be made durable', async () => {
    const { store } = await openSqliteStore({ dataDir: await makeTempDir() });
    await store.close();
    const error = await executeSpec(testSpec, { model: recordingModel(), store }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HISTORY_WRITE_FAILED', statusCode: 500 });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('records the run with the request it sent', async () => {
    const { store } = await openSqliteStore({ dataDir: await makeTempDir() });
    const run = await executeSpec(testSpec, { model: recordingModel(), store });
    expect(await store.getRun(run.id)).toMatchObject({
      provider: 'anthropic',
      model: 'm',
      request: { messages: [{ role: 'user', content: 'q' }], max_tokens: 1024 },
      assertions: [{ kind: 'must_contain', actual: null, passed: true }],
      saved: true,
    });
    await store.close();
  });

  it('refuses an unsafe regex before calling the model', async () => {
    const { store } = await openSqliteStore({ dataDir: await makeTempDir() });
    const model = recordingModel();
    const unsafe = { ...testSpec, assertions: [{ regex: '(a+)+$' }] };
    await expect(executeSpec(unsafe, { model, store })).rejects.toMatchObject({ code: 'UNSAFE_REGEX' });
    expect(model.requests).toHaveLength(0);
    await store.close();
  });
});
