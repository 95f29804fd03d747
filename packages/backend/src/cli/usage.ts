import { DEFAULT_SUITE_CONCURRENCY, MAX_SUITE_CONCURRENCY } from '../suite-runs/defaults.js';

/** `sentinel --help`. */
export const MAIN_USAGE = `Usage: sentinel <command> [options]

Commands:
  run <files or folders...>   Run test specs and suites and report the results (for CI)

Options:
  -h, --help                  Show this help (and \`sentinel run --help\` for run's options)
  -v, --version               Print the version

Exit codes: 0 all assertions passed, 1 a case failed or errored, 2 usage or file error, 130 interrupted.
Documentation: packages/backend/docs/cli.md
`;

/** `sentinel run --help`. */
export const RUN_USAGE = `Usage: sentinel run <files or folders...> [options]

Runs test specs and suites (.yaml, .yml or .json files; folders are searched recursively, in
name order) against their models, prints one row per case and a summary line, and exits 0 when
every assertion passed, 1 when a case failed or errored, 2 on a usage or file error (nothing runs
when any file is invalid), 130 when interrupted.

Options:
  --junit <file>          Write a JUnit XML report (one testsuite per suite or spec file)
  --json <file>           Write a JSON report (every run as a RunRecord, and a summary)
  --concurrency <n>       Cases in flight at once per provider, 1-${MAX_SUITE_CONCURRENCY} (default: ${DEFAULT_SUITE_CONCURRENCY})
  --cache                 Reuse answers from the response cache, and fill it (off by default;
                          entries live 14 days, errors are never cached)
  --data-dir <dir>        Where the run history and the cache are kept
                          (default: $SENTINEL_CLI_DATA_DIR, else ./.sentinel)
  -q, --quiet             No progress lines; the table lists only failed and errored cases
  -h, --help              Show this help

Environment: ANTHROPIC_API_KEY, OPENAI_API_KEY, ANTHROPIC_BASE_URL, OPENAI_BASE_URL,
SENTINEL_MODEL_TIMEOUT_MS, SENTINEL_MODEL_MAX_RETRIES (as the backend reads them).
`;
