import { isProcessGone } from '@sentinel/supervisor';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { sidecarFiles, sidecarPath } from '../../src/sidecar-path.js';
import { SQLITE_NATIVE_FILE_NAME } from '../../src/store/index.js';
import { makeTempDir } from './temp-dir.js';

/** better-sqlite3's native file beside the built bundle (copied there by scripts/bundle.mjs). */
export const sidecarNativePath = join(dirname(sidecarPath), SQLITE_NATIVE_FILE_NAME);

/**
 * The built sidecar folder - launcher, bundle, the files named after it and the native SQLite
 * file, nothing else - copied into a fresh temp dir (no node_modules anywhere above it); resolves
 * with the launcher's path there.
 */
export async function copySidecarToTempDir(): Promise<string> {
  for (const file of [sidecarPath, sidecarNativePath]) {
    await stat(file).catch((error: unknown) => {
      throw new Error(`The sidecar file ${file} is missing: run "npm run build -w @sentinel/backend" first`, { cause: error });
    });
  }
  const dir = await makeTempDir('sentinel-sidecar-');
  for (const file of sidecarFiles()) await copyFile(join(dirname(sidecarPath), file), join(dir, file));
  return join(dir, basename(sidecarPath));
}

export interface SidecarProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly stderr: string[];
  /** Resolves with the first stdout JSON line matching the predicate (also ones already seen). */
  waitForLine(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];

function parse(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Spawns `node <file>` with only the given env (plus PATH), stdin a pipe; killed by `killSidecars()`. */
export function spawnSidecar(file: string, env: Record<string, string>): SidecarProcess {
  const child = spawn(process.execPath, [file], {
    cwd: join(file, '..'),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.push(child);
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: Array<{ predicate: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    const parsed = parse(line);
    if (parsed === undefined) return;
    for (const waiter of waiters.splice(0)) {
      if (waiter.predicate(parsed)) waiter.resolve(parsed);
      else waiters.push(waiter);
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    lines,
    stderr,
    exited,
    waitForLine(predicate) {
      const seen = lines.map(parse).find((line) => line !== undefined && predicate(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exited.then(({ code }) => reject(new Error(`sidecar exited (${code}) before the line; stdout:\n${lines.join('\n')}\nstderr:\n${stderr.join('\n')}`)));
      });
    },
  };
}

/** Waits for the announced port (the `event: 'listening'` line). */
export async function listeningPort(sidecar: SidecarProcess): Promise<number> {
  const line = await sidecar.waitForLine((entry) => entry.event === 'listening');
  return line.port as number;
}

export async function killSidecars(): Promise<void> {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    if (child.pid === undefined || !isProcessGone(child.pid)) await exited;
  }
}
