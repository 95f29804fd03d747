import { badOption } from '../errors.js';
import { FAULT_KINDS, isFaultKind, type FaultKind } from '../schedule/fault-kinds.js';
import { DEFAULT_TIMING, type ChaosTiming } from './timing.js';

/** Sentinel's own bundled backend (@sentinel/backend), run through a two-process launcher. */
export interface SentinelTarget {
  readonly kind: 'sentinel';
  /**
   * Run the backend under a small `sh` launcher so the tree has a grandchild, like a one-file
   * PyInstaller executable (two processes). @default true
   */
  readonly launcher?: boolean;
}

/** Any backend: a command line and the HTTP health path it answers 2xx on. */
export interface CommandTarget {
  readonly kind: 'command';
  /** Executable and arguments; '{port}' in an argument is replaced by the port, PORT is set too. */
  readonly command: string;
  readonly args: readonly string[];
  /** Health path, e.g. '/health'. */
  readonly health: string;
  /** Working directory. @default process.cwd() */
  readonly cwd?: string;
  /** Require the health answer's JSON `instance` to equal SUPERVISOR_INSTANCE_ID. @default false */
  readonly requireInstanceId?: boolean;
}

export type ChaosTarget = SentinelTarget | CommandTarget;

/** Options of runChaos. */
export interface ChaosOptions {
  /** Seed of the fault schedule; the same seed replays the same faults. @default a random seed (printed) */
  readonly seed?: number;
  /** Number of faults to inject. @default 100 when durationMs is not given */
  readonly faults?: number;
  /** Inject faults for this long instead of a fixed count. @default undefined */
  readonly durationMs?: number;
  /** Fault kinds to draw from. @default every kind */
  readonly kinds?: readonly FaultKind[];
  /** The backend under test. @default { kind: 'sentinel' } */
  readonly target?: ChaosTarget;
  /**
   * Run the target as a member of a SupervisorGroup, after a companion member it depends on: the
   * faults hit the backend as usual, and the companion must be gone at the end too. @default false
   */
  readonly group?: boolean;
  /**
   * The client also runs suites while the faults strike (plain, cached, cancelled on purpose),
   * follows each to its end, and the suite-run invariants check them. Sentinel's target only. @default true for the sentinel target, false for a command
   */
  readonly suites?: boolean;
  /** Timings; missing fields take DEFAULT_TIMING's. @default DEFAULT_TIMING */
  readonly timing?: Partial<ChaosTiming>;
  /** Called with each progress line (fault injected, recovered). @default undefined (silent) */
  readonly onProgress?: (line: string) => void;
  /** Aborting stops injecting after the current fault; the run then finishes and checks as usual. @default undefined */
  readonly signal?: AbortSignal;
}

export interface ResolvedChaosOptions {
  readonly seed: number;
  readonly faults: number;
  readonly durationMs: number | undefined;
  readonly kinds: readonly FaultKind[];
  readonly target: ChaosTarget;
  readonly group: boolean;
  readonly suites: boolean;
  readonly timing: ChaosTiming;
  readonly onProgress: (line: string) => void;
  readonly signal: AbortSignal | undefined;
}

function positiveInt(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) badOption(name, value, 'a positive integer');
  return value;
}

function checkTiming(timing: Partial<ChaosTiming>): ChaosTiming {
  const merged = { ...DEFAULT_TIMING, ...timing };
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) badOption(`timing.${key}`, value, 'a finite number >= 0');
  }
  if (merged.restartJitter >= 1) badOption('timing.restartJitter', merged.restartJitter, 'a fraction below 1');
  return merged;
}

function checkTarget(target: ChaosTarget): ChaosTarget {
  if (target.kind === 'sentinel') return target;
  if (target.kind !== 'command') badOption('target.kind', (target as { kind: unknown }).kind, "'sentinel' or 'command'");
  if (typeof target.command !== 'string' || target.command.trim() === '') badOption('target.command', target.command, 'a non-empty command');
  if (typeof target.health !== 'string' || !target.health.startsWith('/')) badOption('target.health', target.health, "a path starting with '/'");
  return target;
}

function checkSuites(suites: unknown, target: ChaosTarget): boolean {
  if (suites !== undefined && typeof suites !== 'boolean') badOption('suites', suites, 'a boolean');
  if (suites === true && target.kind !== 'sentinel') badOption('suites', suites, "false with a command target (suite runs need Sentinel's backend)");
  return suites ?? target.kind === 'sentinel';
}

function checkGroup(group: unknown): boolean {
  if (group !== undefined && typeof group !== 'boolean') badOption('group', group, 'a boolean');
  return group === true;
}

/** Validates options (TypeError naming the option and the value) and fills in the defaults. */
export function resolveChaosOptions(options: ChaosOptions, randomSeed: () => number): ResolvedChaosOptions {
  const seed = options.seed === undefined ? randomSeed() : options.seed;
  if (!Number.isSafeInteger(seed) || seed < 0) badOption('seed', seed, 'an integer >= 0');
  const durationMs = options.durationMs === undefined ? undefined : positiveInt('durationMs', options.durationMs);
  const faults = options.faults === undefined ? (durationMs === undefined ? 100 : Number.MAX_SAFE_INTEGER) : positiveInt('faults', options.faults);
  const kinds = options.kinds ?? FAULT_KINDS;
  if (!Array.isArray(kinds) || kinds.length === 0) badOption('kinds', kinds, `a non-empty list of ${FAULT_KINDS.join(', ')}`);
  for (const kind of kinds) if (!isFaultKind(kind)) badOption('kinds', kind, `one of ${FAULT_KINDS.join(', ')}`);
  const target = checkTarget(options.target ?? { kind: 'sentinel' });
  return {
    seed,
    faults,
    durationMs,
    kinds,
    target,
    group: checkGroup(options.group),
    suites: checkSuites(options.suites, target),
    timing: checkTiming(options.timing ?? {}),
    onProgress: options.onProgress ?? (() => {}),
    signal: options.signal,
  };
}
