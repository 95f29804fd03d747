import { afterEach, expect, it } from 'vitest';
import { AUTH, closeFixtures, spec, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

it('holds 12 executes in flight on the app-wide shutdown signal without a listener-leak warning', async () => {
  const shutdown = new AbortController();
  const { app, stub } = await startAppFixture({ abortSignal: shutdown.signal });
  stub.setBehavior({ hang: true });
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('warning', onWarning);
  try {
    const answers = Array.from({ length: 12 }, (_, index) =>
      app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec({ name: `case-${index}` }) } }),
    );
    // Every call has reached the model (so every one listens to the signal), then the shutdown cuts them.
    await expect.poll(() => stub.requests.length, { timeout: 30_000 }).toBe(12);
    shutdown.abort();
    const statuses = (await Promise.all(answers)).map((response) => response.statusCode);
    expect(statuses.every((status) => status >= 400)).toBe(true);
    // Node emits its warnings on the next tick: let one pass before looking.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
});
