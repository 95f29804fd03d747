import { describe, expect, it } from 'vitest';
import { buildSchedule, formatFault } from '../src/schedule/build-schedule.js';
import { FAULT_KINDS, FAULT_MOMENTS } from '../src/schedule/fault-kinds.js';

const pairCount = FAULT_KINDS.reduce((n, kind) => n + FAULT_MOMENTS[kind].length, 0);

describe('fault schedule', () => {
  it('is a pure function of the seed', () => {
    expect(buildSchedule(1234, 150)).toEqual(buildSchedule(1234, 150));
  });

  it('differs between seeds', () => {
    expect(buildSchedule(1, 50)).not.toEqual(buildSchedule(2, 50));
  });

  it('a longer schedule starts with the shorter one (replaying a prefix is the same run)', () => {
    expect(buildSchedule(99, 200).slice(0, 40)).toEqual(buildSchedule(99, 40));
  });

  it('covers every fault kind at every moment in each round', () => {
    const round = buildSchedule(7, pairCount);
    const pairs = new Set(round.map((f) => `${f.kind}@${f.moment}`));
    expect(pairs.size).toBe(pairCount);
    for (const kind of FAULT_KINDS) for (const moment of FAULT_MOMENTS[kind]) expect(pairs).toContain(`${kind}@${moment}`);
  });

  it('keeps the drawn parameters inside their ranges', () => {
    for (const f of buildSchedule(5, 500)) {
      expect(f.gapMs).toBeGreaterThanOrEqual(0);
      expect(f.gapMs).toBeLessThanOrEqual(200);
      expect(f.count).toBeGreaterThanOrEqual(2);
      expect(f.count).toBeLessThanOrEqual(6);
      if (f.kind === 'slow-start') expect(f.amount).toBeGreaterThanOrEqual(50);
      if (f.kind === 'answer-kill') expect(f.amount).toBeLessThanOrEqual(30);
      if (f.moment !== 'ready') expect(f.offsetMs).toBeLessThanOrEqual(40);
    }
  });

  it('draws only the kinds asked for', () => {
    const kinds = new Set(buildSchedule(3, 30, { kinds: ['hang', 'sigkill'] }).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['hang', 'sigkill']);
  });

  it('prints one line per fault', () => {
    const [first] = buildSchedule(11, 1);
    expect(formatFault(first!)).toMatch(/^#1 [a-z-]+@(starting|ready|backoff|stopping) gap \d+ms offset \d+ms/);
  });
});
