import type { ProviderName } from '../contract/providers.js';
import { readModelEnvironment, type ModelEnvironment } from '../config/env.js';
import { createProviderRegistry } from '../providers/index.js';
import { openSqliteStore, StoreOpenError, type SqliteHistoryStore } from '../store/index.js';
import { createSuiteRunner } from '../suite-runs/index.js';
import { collectSpecFiles } from './collect-files.js';
import { EXIT_CODES, UsageError, type ExitCode } from './exit-codes.js';
import { executeRuns } from './execute-runs.js';
import type { Interrupt } from './interrupt.js';
import { loadSpecFiles } from './load-files.js';
import { checkProviderKeys, planRuns } from './plan-runs.js';
import { Progress, type ProgressOutput } from './progress.js';
import { summarize, type RunResults } from './results.js';
import type { RunOptions } from './run-options.js';
import { formatSummary, formatTable } from './table.js';
import { writeReports } from './write-reports.js';

/** Where `sentinel run` reads its environment and writes its output. */
export interface RunIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The table and the summary line. */
  readonly out: (text: string) => void;
  /** Progress and notices (stderr). */
  readonly progress: ProgressOutput;
  readonly interrupt: Interrupt;
}

function modelEnvironment(env: RunIo['env']): ModelEnvironment {
  try {
    return readModelEnvironment(env);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

async function openStore(dataDir: string): Promise<SqliteHistoryStore> {
  try {
    // Not fsynced per commit: a CI run is repeated rather than recovered, and an fsync per case stalls every case.
    return (await openSqliteStore({ dataDir, importLegacy: false, durability: 'normal' })).store;
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    const hint = error.code === 'DATA_DIR_LOCKED' ? ' (another `sentinel run` is using it: wait for it, or give this one its own --data-dir)' : ' (choose another folder with --data-dir)';
    throw new UsageError(`The data directory ${dataDir} cannot be used: ${error.message}${hint}`, { cause: error });
  }
}

function exitCodeOf(results: RunResults): ExitCode {
  const { summary } = results;
  if (summary.interrupted) return EXIT_CODES.interrupted;
  return summary.failed + summary.errors + summary.not_run > 0 ? EXIT_CODES.failed : EXIT_CODES.passed;
}

/**
 * `sentinel run`: collects and checks every file (nothing runs when one is bad), runs the suites
 * in-process on the CLI's own data directory, prints the table and the summary, writes the reports.
 * @throws UsageError (exit 2) for a file, key, data-directory or report problem.
 */
export async function runCommand(options: RunOptions, io: RunIo): Promise<ExitCode> {
  const startedAt = new Date();
  const files = await collectSpecFiles(options.paths, io.cwd);
  const plans = planRuns(await loadSpecFiles(files));
  const models = modelEnvironment(io.env);
  const providers = createProviderRegistry({
    anthropic: { apiKey: models.anthropicApiKey, baseUrl: models.anthropicBaseUrl },
    openai: { apiKey: models.openaiApiKey, baseUrl: models.openaiBaseUrl },
    timeoutMs: models.modelTimeoutMs,
    maxRetries: models.modelMaxRetries,
  });
  checkProviderKeys(plans, new Set<ProviderName>(providers.list().filter((provider) => provider.configured).map((provider) => provider.name)));
  const store = await openStore(options.dataDir);
  try {
    // The CLI never resumes a run (an interrupted one ends cancelled), so it keeps no answer journal.
    const runner = createSuiteRunner({ store, providers, signal: io.interrupt.hardStop.signal, journalAnswers: false });
    const progress = new Progress(options.quiet ? undefined : io.progress);
    io.interrupt.onStop(() => void runner.drain(2 ** 31 - 1));
    const suites = await executeRuns(plans, { runner, store, progress, interrupt: io.interrupt, cache: options.cache, ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }) });
    const finishedAt = new Date();
    const summary = summarize(suites, finishedAt.getTime() - startedAt.getTime(), io.interrupt.stopping);
    const results: RunResults = { suites, started_at: startedAt.toISOString(), finished_at: finishedAt.toISOString(), summary };
    const exitCode = exitCodeOf(results);
    io.out(formatTable(results, options.quiet));
    io.out(formatSummary(summary));
    await writeReports(results, options, exitCode);
    return exitCode;
  } finally {
    await store.close();
  }
}
