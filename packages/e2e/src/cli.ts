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
  const { history, report } = await runChaos({ ...cli.chaos, onProgress: (line) => { if (!quiet) process.stdout.write(`${line}\n`); } });
  const files = await writeReports(resolve(cli.outDir), report, history);
  process.stdout.write(`\n${formatSummary(report)}\n\nreports: ${files.json}\n         ${files.junit}\n         ${files.html}\n`);
  return exitCodeFor(report);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`sentinel-chaos: the runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_RUNNER_FAILED;
  },
);
