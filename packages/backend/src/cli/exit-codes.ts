/** What `sentinel` exits with. */
export const EXIT_CODES = {
  /** Every case ran and every assertion passed. */
  passed: 0,
  /** A case failed an assertion, ended in error, or did not run (interrupted). */
  failed: 1,
  /** A usage or file error (unknown option, unreadable or invalid file, missing key): nothing ran. */
  usage: 2,
  /** Interrupted (Ctrl-C / SIGINT): what was in flight was recorded and reported. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * A problem that stops `sentinel` before any case runs (exit code 2). The message names the file,
 * and the line and column when it is a YAML or JSON error.
 */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
