import { scrubSecrets } from '../app/scrub-secrets.js';
import { BACKEND_VERSION } from '../version.js';
import { EXIT_CODES, UsageError, type ExitCode } from './exit-codes.js';
import { runCommand, type RunIo } from './run-command.js';
import { parseCommand } from './run-options.js';
import { MAIN_USAGE, RUN_USAGE } from './usage.js';

/** The environment variables whose values never appear in the CLI's output. */
const SECRET_VARIABLES = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'SENTINEL_TOKEN'] as const;

/** Where the CLI writes: stdout for results, stderr for progress, notices and errors. */
export interface CliIo extends Omit<RunIo, 'out'> {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * Runs one `sentinel` command line and returns the exit code (it never exits the process itself):
 * 0 every assertion passed, 1 a case failed, errored or did not run, 2 a usage or file error,
 * 130 interrupted. Secrets from the environment are scrubbed from everything it prints.
 */
export async function main(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const secrets = SECRET_VARIABLES.map((name) => io.env[name]);
  const out = (text: string): void => io.stdout(scrubSecrets(text, secrets));
  const err = (text: string): void => io.stderr(scrubSecrets(text, secrets));
  try {
    const command = parseCommand(args, io.env, io.cwd);
    if (command.kind === 'version') out(`${BACKEND_VERSION}\n`);
    if (command.kind === 'help') out(command.topic === 'run' ? RUN_USAGE : MAIN_USAGE);
    if (command.kind !== 'run') return EXIT_CODES.passed;
    const progress = { isTTY: io.progress.isTTY, write: (text: string) => io.progress.write(scrubSecrets(text, secrets)) };
    return await runCommand(command.options, { ...io, progress, out });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`sentinel: ${error.message.split('\n').join('\nsentinel: ')}\n`);
    return EXIT_CODES.usage;
  }
}
