import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { FAULT_KINDS, FAULT_MOMENTS, type FaultKind, type FaultMoment } from './fault-kinds.js';

/** One planned fault. Every field is derived from the seed alone. */
export interface PlannedFault {
  /** 1-based position in the schedule. */
  readonly index: number;
  readonly kind: FaultKind;
  readonly moment: FaultMoment;
  /** Pause after the previous fault recovered, before arming this one. */
  readonly gapMs: number;
  /** Delay after the target moment is reached before the fault strikes. */
  readonly offsetMs: number;
  /** crash-loop: how many starts die before ready (2-6: the longest loops spend the restart budget). */
  readonly count: number;
  /**
   * stdout-flood: size in KiB. slow-start: percent of the startup deadline the start is held.
   * answer-kill: milliseconds from the stub's answer to the kill (0-30: before or after it is journaled).
   */
  readonly amount: number;
}

/** Shape of the schedule; every field has a default. */
export interface ScheduleShape {
  /** Fault kinds to draw from. @default every kind in FAULT_KINDS */
  readonly kinds?: readonly FaultKind[];
  /** Largest pause between faults. @default 200 */
  readonly maxGapMs?: number;
  /** Largest delay after reaching 'ready' before striking. @default 300 */
  readonly maxReadyOffsetMs?: number;
}

const DEFAULT_MAX_GAP_MS = 200;
const DEFAULT_MAX_READY_OFFSET_MS = 300;
const MAX_STARTING_OFFSET_MS = 40;

function combos(kinds: readonly FaultKind[]): Array<{ kind: FaultKind; moment: FaultMoment }> {
  return kinds.flatMap((kind) => FAULT_MOMENTS[kind].map((moment) => ({ kind, moment })));
}

function shuffle<T>(rng: RandomGenerator, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function amountFor(rng: RandomGenerator, kind: FaultKind): number {
  if (kind === 'slow-start') return uniformInt(rng, 50, 70);
  if (kind === 'answer-kill') return uniformInt(rng, 0, 30);
  return uniformInt(rng, 256, 4096);
}

/**
 * The fault schedule as an endless pure function of the seed: rounds in which every (kind, moment)
 * pair appears once in a seeded order, so any 2 runs with one seed inject the same faults.
 */
export function* faultSchedule(seed: number, shape: ScheduleShape = {}): Generator<PlannedFault> {
  const rng = xoroshiro128plus(seed);
  const pairs = combos(shape.kinds ?? FAULT_KINDS);
  const maxGap = shape.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const maxReadyOffset = shape.maxReadyOffsetMs ?? DEFAULT_MAX_READY_OFFSET_MS;
  let index = 0;
  if (pairs.length === 0) return;
  for (;;) {
    for (const { kind, moment } of shuffle(rng, [...pairs])) {
      index += 1;
      const maxOffset = moment === 'ready' ? maxReadyOffset : MAX_STARTING_OFFSET_MS;
      yield {
        index,
        kind,
        moment,
        gapMs: uniformInt(rng, 0, maxGap),
        offsetMs: uniformInt(rng, 0, maxOffset),
        count: uniformInt(rng, 2, 6),
        amount: amountFor(rng, kind),
      };
    }
  }
}

/** The first `count` faults of the schedule for `seed`. */
export function buildSchedule(seed: number, count: number, shape: ScheduleShape = {}): PlannedFault[] {
  const out: PlannedFault[] = [];
  if (count <= 0) return out;
  for (const fault of faultSchedule(seed, shape)) {
    out.push(fault);
    if (out.length >= count) break;
  }
  return out;
}

/** One line per fault, e.g. `#12 hang@ready +120ms`. */
export function formatFault(fault: PlannedFault): string {
  const extra =
    fault.kind === 'crash-loop' ? ` x${fault.count}` :
    fault.kind === 'stdout-flood' ? ` ${fault.amount}KiB` :
    fault.kind === 'slow-start' ? ` held ${fault.amount}% of deadline` :
    fault.kind === 'answer-kill' ? ` ${fault.amount}ms after an answer` : '';
  return `#${fault.index} ${fault.kind}@${fault.moment} gap ${fault.gapMs}ms offset ${fault.offsetMs}ms${extra}`;
}

/** A fresh random seed (for runs without --seed); printed so the run can be replayed. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
