import { describe, expect, it } from 'vitest';
import type { RestartConfig } from '../src/restart/options.js';
import { backoffDelay, RestartPolicy } from '../src/restart/restart-policy.js';

const config: RestartConfig = { initialDelayMs: 100, factor: 2, maxDelayMs: 1_000, jitter: 0.1, resetAfterMs: 30_000, maxRestarts: 5, windowMs: 60_000 };

describe('backoffDelay', () => {
  it.each([
    { consecutive: 1, random: 0.5, expected: 0 },
    { consecutive: 1, random: 1, expected: 0 },
    { consecutive: 2, random: 0.5, expected: 100 },
    { consecutive: 3, random: 0.5, expected: 200 },
    { consecutive: 5, random: 0.5, expected: 800 },
    { consecutive: 6, random: 0.5, expected: 1_000 },
    { consecutive: 30, random: 0.5, expected: 1_000 },
    { consecutive: 2, random: 0, expected: 90 },
    { consecutive: 2, random: 1, expected: 110 },
    { consecutive: 9, random: 1, expected: 1_000 },
    { consecutive: 9, random: 0, expected: 900 },
  ])('restart $consecutive of a streak with random $random -> $expected ms', ({ consecutive, random, expected }) => {
    expect(backoffDelay(config, consecutive, () => random)).toBe(expected);
  });
});

describe('RestartPolicy', () => {
  it('restarts the first crash at once, then grows the delay from initialDelayMs, then gives up past maxRestarts', () => {
    const policy = new RestartPolicy(config, () => 0.5);
    const decisions = Array.from({ length: 6 }, (_, i) => policy.next(1_000 + i, undefined));
    expect(decisions.slice(0, 5).map((d) => (d.action === 'restart' ? d.delayMs : d.action))).toEqual([0, 100, 200, 400, 800]);
    expect(decisions[5]).toEqual({ action: 'give-up', restartsInWindow: 5 });
  });

  it('forgets restarts older than windowMs', () => {
    const policy = new RestartPolicy({ ...config, maxRestarts: 2, windowMs: 1_000 }, () => 0.5);
    expect(policy.next(0, undefined).action).toBe('restart');
    expect(policy.next(10, undefined).action).toBe('restart');
    expect(policy.next(20, undefined).action).toBe('give-up');
    expect(policy.next(1_500, undefined).action).toBe('restart');
  });

  it('a crash after resetAfterMs ready starts no streak: at once again, then initialDelayMs', () => {
    const policy = new RestartPolicy(config, () => 0.5);
    policy.next(0, undefined);
    policy.next(1, undefined);
    expect(policy.next(2, undefined)).toMatchObject({ delayMs: 200, attempt: 3 });
    expect(policy.next(40_000, 5_000)).toMatchObject({ delayMs: 0, attempt: 1 });
    expect(policy.next(40_001, 39_000)).toMatchObject({ delayMs: 100, attempt: 2 });
  });

  it('a crash loop still ends in give-up even though the first restart costs nothing', () => {
    const policy = new RestartPolicy({ ...config, maxRestarts: 3 }, () => 0.5);
    const actions = Array.from({ length: 4 }, (_, i) => policy.next(i, undefined).action);
    expect(actions).toEqual(['restart', 'restart', 'restart', 'give-up']);
  });

  it('maxRestarts 0 gives up at the first exit', () => {
    expect(new RestartPolicy({ ...config, maxRestarts: 0 }).next(0, undefined).action).toBe('give-up');
  });
});
