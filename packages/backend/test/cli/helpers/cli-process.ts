import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CLI_FILE_NAME } from '../../../src/cli/bundle-files.js';

/** The committed launcher, as npm links it; it loads the bundled CLI (dist/sentinel-cli.cjs). */
export const LAUNCHER = fileURLToPath(new URL('../../../bin/sentinel.cjs', import.meta.url));
const BUNDLE = fileURLToPath(new URL(`../../../dist/${CLI_FILE_NAME}`, import.meta.url));

/** A finished `sentinel` process. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `sentinel` process. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves once stderr has shown text matching `pattern` (also text already seen). */
  stderrMatching(pattern: RegExp): Promise<void>;
  readonly done: Promise<CliResult>;
}

const running = new Set<ChildProcess>();

/** Spawns `node bin/sentinel.cjs <args>` with only PATH and `env` in its environment. */
export async function startCli(args: readonly string[], options: { readonly cwd: string; readonly env?: Record<string, string> }): Promise<CliProcess> {
  await stat(BUNDLE).catch((error: unknown) => {
    throw new Error(`The CLI bundle ${BUNDLE} is missing: run "npm run build -w @sentinel/backend" first`, { cause: error });
  });
  const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of waiters.filter((entry) => entry.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const done = new Promise<CliResult>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stderrMatching: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        waiters.push({ pattern, resolve });
        void done.then(() => reject(new Error(`sentinel exited before stderr matched ${String(pattern)}:\n${stderr}`)));
      }),
  };
}

/** Runs `sentinel <args>` to its end. */
export async function runCli(args: readonly string[], options: { readonly cwd: string; readonly env?: Record<string, string> }): Promise<CliResult> {
  return (await startCli(args, options)).done;
}

/** Kills every CLI process a test left running (afterEach). */
export async function killCliProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
