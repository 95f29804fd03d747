import { parseArgs } from 'node:util';
import type { ChaosOptions } from '../config/chaos-options.js';
import { FAULT_KINDS, isFaultKind, type FaultKind } from '../schedule/fault-kinds.js';

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: sentinel-chaos [options]

Injects seeded faults into a supervised backend, checks invariants on the recorded history,
writes report.json, junit.xml and report.html, and exits non-zero on any violation.

  --seed N               seed of the fault schedule (default: random, printed); replays a run
  --faults N             number of faults to inject (default: 100)
  --duration D           inject for this long instead, e.g. 90s, 30m, 1h
  --kinds a,b            fault kinds (default: all): ${FAULT_KINDS.join(', ')}
  --command "CMD ARGS"   supervise this backend instead of Sentinel's (PORT is set; '{port}' replaced)
  --health PATH          health path of --command's backend, answering 2xx (default: /health)
  --cwd DIR              working directory of --command's backend
  --require-instance-id  --command's health JSON carries SUPERVISOR_INSTANCE_ID as "instance"
  --no-launcher          run Sentinel's backend directly, not under the two-process launcher
  --group                run the backend as a SupervisorGroup member, after a companion member
  --no-suites            the client runs no suite runs (only health and execute requests)
  --out DIR              where reports go (default: ./chaos-report)
  --quiet                print only the summary
  -h, --help             this help
`;

export interface CliOptions {
  readonly chaos: Omit<ChaosOptions, 'onProgress'>;
  readonly outDir: string;
  readonly quiet: boolean;
  readonly help: boolean;
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Parses `90s`, `30m`, `1h`, `1500ms` or a number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) throw new UsageError(`--duration: expected a duration like 90s, 30m or 1h, received ${JSON.stringify(text)}`);
  const ms = Number(match[1]) * (UNITS[match[2] ?? 's'] ?? 1_000);
  if (ms <= 0) throw new UsageError(`--duration: must be more than 0, received ${JSON.stringify(text)}`);
  return Math.round(ms);
}

function parseInteger(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${flag}: expected an integer >= ${min}, received ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function parseKinds(text: string | undefined): FaultKind[] | undefined {
  if (text === undefined) return undefined;
  const kinds = text.split(',').map((k) => k.trim()).filter((k) => k !== '');
  const unknown = kinds.filter((k) => !isFaultKind(k));
  if (kinds.length === 0 || unknown.length > 0) throw new UsageError(`--kinds: unknown fault kind ${JSON.stringify(unknown[0] ?? text)}; known: ${FAULT_KINDS.join(', ')}`);
  return kinds as FaultKind[];
}

/** Splits a command line on blanks, honouring '...' and "..." quotes (no other shell syntax). */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/** Parses argv (without node and the script) into options; throws UsageError on any mistake. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' }, faults: { type: 'string' }, duration: { type: 'string' }, kinds: { type: 'string' },
        command: { type: 'string' }, health: { type: 'string' }, cwd: { type: 'string' },
        'require-instance-id': { type: 'boolean' }, 'no-launcher': { type: 'boolean' }, group: { type: 'boolean' }, 'no-suites': { type: 'boolean' },
        out: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.faults !== undefined && values.duration !== undefined) throw new UsageError('--faults and --duration cannot be combined: give one');
  if (values.command === undefined && (values.health !== undefined || values.cwd !== undefined || values['require-instance-id'] === true)) {
    throw new UsageError('--health, --cwd and --require-instance-id need --command');
  }
  const health = values.health ?? '/health';
  if (!health.startsWith('/')) throw new UsageError(`--health: expected a path starting with '/', received ${JSON.stringify(health)}`);
  const words = values.command === undefined ? [] : splitCommand(values.command);
  if (values.command !== undefined && words.length === 0) throw new UsageError('--command: expected a command, received an empty string');
  const seed = parseInteger('--seed', values.seed, 0);
  const faults = parseInteger('--faults', values.faults, 1);
  const kinds = parseKinds(values.kinds);
  const chaos: Omit<ChaosOptions, 'onProgress'> = {
    ...(seed === undefined ? {} : { seed }),
    ...(faults === undefined ? {} : { faults }),
    ...(values.duration === undefined ? {} : { durationMs: parseDuration(values.duration) }),
    ...(kinds === undefined ? {} : { kinds }),
    ...(values.group === true ? { group: true } : {}),
    ...(values['no-suites'] === true && values.command === undefined ? { suites: false } : {}),
    target: words.length > 0
      ? { kind: 'command', command: words[0] as string, args: words.slice(1), health, ...(values.cwd === undefined ? {} : { cwd: values.cwd }), requireInstanceId: values['require-instance-id'] === true }
      : { kind: 'sentinel', launcher: values['no-launcher'] !== true },
  };
  return { chaos, outDir: values.out ?? 'chaos-report', quiet: values.quiet === true, help: values.help === true };
}
