#!/usr/bin/env node
/** sentinel-chaos: the chaos runner's command line. Exit codes: 0 passed, 1 violations, 2 usage error, 3 runner failure. */
import { resolve } from 'node:path';
import { parseCliArgs, USAGE, UsageError } from './cli/parse-args.js';
import { runChaos } from './runner/run-chaos.js';
import { formatSummary } from './report/summary.js';
import { writeReports } from './report/write-reports.js';
import { EXIT_PASSED, EXIT_RUNNER_FAILED, EXIT_USAGE, exitCodeFor } from './cli/exit-code.js';


async function main(argv: readonly string[]): Promise<number> {
  let cli;
  try {
    cli = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`sentinel-chaos: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (cli.help) {
    process.stdout.write(USAGE);
    return EXIT_PASSED;
  }
  const quiet = cli.quiet;
  // First Ctrl-C: stop injecting, finish and report. Second: leave at once.
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    process.stderr.write('sentinel-chaos: interrupted: finishing the current fault, then checking and reporting (Ctrl-C again to quit)\n');
    interrupt.abort();
  });
  const onProgress = (line: string) => { if (!quiet) process.stdout.write(`${line}\n`); };
  const { history, report } = await runChaos({ ...cli.chaos, onProgress, signal: interrupt.signal });
  const files = await writeReports(resolve(cli.outDir), report, history);
  process.stdout.write(`\n${formatSummary(report)}\n\nreports: ${files.json}\n         ${files.junit}\n         ${files.html}\n`);
  return exitCodeFor(report);
}

/** Exits once stdout is flushed, even if a fault left a handle open (a foreign listener after a runner failure). */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`sentinel-chaos: the runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitWhenFlushed(EXIT_RUNNER_FAILED);
});
