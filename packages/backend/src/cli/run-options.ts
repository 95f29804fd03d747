import { isAbsolute, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_SUITE_CONCURRENCY } from '../suite-runs/defaults.js';
import { UsageError } from './exit-codes.js';
/** The data directory when neither `--data-dir` nor `SENTINEL_CLI_DATA_DIR` is given, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.sentinel';
/** The environment variable naming the CLI's data directory (the sidecar's `SENTINEL_DATA_DIR` is not read: the CLI never shares the app's store). */
export const DATA_DIR_VARIABLE = 'SENTINEL_CLI_DATA_DIR';

/** What `sentinel run` was asked to do. */
export interface RunOptions {
  /** Files and folders, as given (resolved against the working directory). */
  readonly paths: readonly string[];
  /** `--junit`: where to write the JUnit XML report (absolute). @default undefined (none) */
  readonly junitFile?: string;
  /** `--json`: where to write the JSON report (absolute). @default undefined (none) */
  readonly jsonFile?: string;
  /** `--concurrency`: cases in flight at once per provider. @default undefined (the suite runner's DEFAULT_SUITE_CONCURRENCY, 4) */
  readonly concurrency?: number;
  /** `--cache`: read and fill the response cache. @default false */
  readonly cache: boolean;
  /** `--data-dir` (absolute). @default $SENTINEL_CLI_DATA_DIR, else `<cwd>/.sentinel` */
  readonly dataDir: string;
  /** `--quiet`: no progress lines; only failed and errored cases in the table. @default false */
  readonly quiet: boolean;
}

/** What the command line asks for. */
export type Command =
  | { readonly kind: 'help'; readonly topic: 'main' | 'run' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly options: RunOptions };

const RUN_FLAGS = {
  junit: { type: 'string' },
  json: { type: 'string' },
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'data-dir': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const MAIN_FLAGS = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } as const satisfies ParseArgsConfig['options'];

/** parseArgs' own messages mention its internals ("positional argument", "<value>"): say it for a person. */
function usageErrorFrom(error: unknown, command: string): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1]?.split(' ')[0] ?? '';
  const help = `see \`sentinel${command === '' ? '' : ` ${command}`} --help\``;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Unknown option ${option}: ${help}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`Option ${option} needs a value: ${help}`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`Unexpected argument: ${help}`);
  return new UsageError(`${message} (${help})`);
}

function concurrencyOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_SUITE_CONCURRENCY) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_SUITE_CONCURRENCY}; received ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function fileOption(name: string, raw: string | undefined, cwd: string): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') throw new UsageError(`--${name} needs a file name`);
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

function dataDirOf(raw: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (raw !== undefined && raw.trim() === '') throw new UsageError('--data-dir needs a folder name');
  const chosen = raw ?? (env[DATA_DIR_VARIABLE]?.trim() || undefined) ?? DEFAULT_DATA_DIR;
  return resolve(cwd, chosen);
}

function parseRun(args: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: RUN_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFrom(error, 'run');
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help', topic: 'run' };
  if (positionals.length === 0) throw new UsageError('sentinel run needs at least one file or folder: see `sentinel run --help`');
  const junitFile = fileOption('junit', values.junit, cwd);
  const jsonFile = fileOption('json', values.json, cwd);
  const concurrency = concurrencyOf(values.concurrency);
  const options: RunOptions = {
    paths: positionals,
    cache: values.cache === true,
    quiet: values.quiet === true,
    dataDir: dataDirOf(values['data-dir'], env, cwd),
    ...(junitFile === undefined ? {} : { junitFile }),
    ...(jsonFile === undefined ? {} : { jsonFile }),
    ...(concurrency === undefined ? {} : { concurrency }),
  };
  if (junitFile !== undefined && junitFile === jsonFile) throw new UsageError('--junit and --json name the same file');
  return { kind: 'run', options };
}

/**
 * Reads the command line (`process.argv.slice(2)`).
 * @throws UsageError for an unknown command or option, a missing or malformed value.
 */
export function parseCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): Command {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('Missing command: see `sentinel --help` (to run tests: `sentinel run <files or folders...>`)');
  if (first === 'run') return parseRun(rest, env, cwd);
  if (!first.startsWith('-')) throw new UsageError(`Unknown command "${first}": see \`sentinel --help\``);
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: MAIN_FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw usageErrorFrom(error, '');
  }
  if (values.version === true) return { kind: 'version' };
  return { kind: 'help', topic: 'main' };
}
