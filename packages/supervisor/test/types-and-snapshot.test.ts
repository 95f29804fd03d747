import { describe, expect, expectTypeOf, it } from 'vitest';
import { Supervisor, SupervisorError, type ReadinessOptions, type SupervisorEvents, type SupervisorSnapshot } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise } from './helpers/harness.js';

describe('snapshot()', () => {
  it('survives JSON.stringify with the error message, code and cause', async () => {
    const { sup } = supervise({ name: 'json-snap', command: NODE, args: [fixture('node-server.mjs')], restart: false });
    const { pid } = await sup.start();
    const failed = next(sup, 'failed');
    process.kill(pid, 'SIGKILL');
    await failed;
    const json = JSON.parse(JSON.stringify(sup.snapshot())) as SupervisorSnapshot & { lastError: Record<string, unknown> };
    expect(json.lastError).toEqual({ name: 'SupervisorError', code: 'SUP_ERR_CRASHED', supervisor: 'json-snap', message: expect.stringMatching(/^\[SUP_ERR_CRASHED\] json-snap: .*signal SIGKILL/) });
    expect(json).toMatchObject({ state: 'failed', lastExit: { pid, signal: 'SIGKILL', reason: 'crash' } });
  });

  it('a SupervisorError keeps its cause chain in JSON', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = new SupervisorError('SUP_ERR_GAVE_UP', 'b', '5 restarts', { cause: new SupervisorError('SUP_ERR_UNHEALTHY', 'b', 'x', { cause: inner }) });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'SUP_ERR_GAVE_UP', cause: { code: 'SUP_ERR_UNHEALTHY', cause: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } } });
  });
});

describe('types', () => {
  it('types failed.reason, unhealthy.error and lastError as SupervisorError', () => {
    expectTypeOf<SupervisorEvents['failed'][0]['reason']>().toEqualTypeOf<SupervisorError>();
    expectTypeOf<SupervisorEvents['unhealthy'][0]['error']>().toEqualTypeOf<SupervisorError>();
    expectTypeOf<SupervisorSnapshot['lastError']>().toEqualTypeOf<SupervisorError | undefined>();
  });

  it('rejects two readiness kinds at once and hides emit (compile-time checks; npm run typecheck fails otherwise)', () => {
    // @ts-expect-error http and tcp together are not a ReadinessOptions
    const both: ReadinessOptions = { http: '/', tcp: true };
    // @ts-expect-error a probe function next to a stdout pattern neither
    const probeAndStdout: ReadinessOptions = { probe: () => true, stdout: /x/ };
    const sup = new Supervisor({ name: 't', command: NODE, runtimeDir: false });
    // @ts-expect-error emit is protected: only the supervisor emits
    const emit = () => sup.emit('ready', { pid: 1, port: 1, url: '', attempt: 1, startupMs: 0 });
    expect([both, probeAndStdout, typeof emit]).toHaveLength(3);
    expect('emit' in sup).toBe(true); // it exists at runtime, as a protected method
  });
});
