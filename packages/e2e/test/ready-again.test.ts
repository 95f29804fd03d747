import { describe, expect, it } from 'vitest';
import type { SupervisorRecord } from '../src/history/types.js';
import { isReadyAgain } from '../src/runner/ready-again.js';

const sup = (event: SupervisorRecord['event'], data: Record<string, unknown> = {}, host = 1): SupervisorRecord => ({ type: 'sup', t: 1_000, host, event, data });

describe('the chaos runner counts a backend as recovered when (isReadyAgain)', () => {
  it('a new process is ready', () => {
    expect(isReadyAgain(sup('ready', { pid: 42 }), 1)).toBe(true);
  });

  it('the same process is back to ready from unhealthy (no ready event): seed 20261122, fault #65, a flood', () => {
    expect(isReadyAgain(sup('state', { from: 'unhealthy', to: 'ready' }), 1)).toBe(true);
  });

  it('but not on any other state, event or host', () => {
    expect(isReadyAgain(sup('state', { from: 'ready', to: 'unhealthy' }), 1)).toBe(false);
    expect(isReadyAgain(sup('state', { from: 'starting', to: 'backoff' }), 1)).toBe(false);
    expect(isReadyAgain(sup('unhealthy'), 1)).toBe(false);
    expect(isReadyAgain(sup('spawn'), 1)).toBe(false);
    expect(isReadyAgain(sup('ready', {}, 2), 1)).toBe(false);
    expect(isReadyAgain(sup('ready'), undefined)).toBe(false);
    expect(isReadyAgain({ type: 'host', t: 1_000, host: 1, event: 'spawn', pid: 7 } as never, 1)).toBe(false);
  });
});
