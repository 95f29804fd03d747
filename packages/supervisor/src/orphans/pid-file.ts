import { lstatSync, mkdirSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a pid file records about a running backend. */
export interface PidRecord {
  readonly pid: number;
  /** Process start time (see proc/): pid AND start time must match before anything is killed. */
  readonly startTime: string;
  readonly instanceId: string;
  readonly supervisorPid: number;
  readonly supervisorStartTime: string | undefined;
  readonly command: string;
  readonly writtenAt: string;
}

export function pidFilePath(runtimeDir: string, name: string): string {
  return join(runtimeDir, `${name}.pid.json`);
}

/**
 * True when `dir` is a real directory (not a symlink) owned by this user and writable by nobody else,
 * so that nobody else can plant a pid file that makes us kill one of our own processes.
 */
export async function isPrivateDir(dir: string): Promise<boolean> {
  try {
    return isPrivateStat(await lstat(dir));
  } catch {
    return false;
  }
}

function isPrivateStat(stat: Stats): boolean {
  const ownerOk = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  return stat.isDirectory() && !stat.isSymbolicLink() && ownerOk && (stat.mode & 0o022) === 0;
}

function notPrivate(runtimeDir: string): Error {
  return new Error(`runtime directory ${runtimeDir} is not private to this user (owner, mode or symlink); pid file not written`);
}

/** Writes atomically (temp file + rename), mode 0600 in a 0700 directory that must be private. */
export async function writePidFile(path: string, runtimeDir: string, record: PidRecord): Promise<void> {
  await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
  if (!(await isPrivateDir(runtimeDir))) throw notPrivate(runtimeDir);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

/**
 * The synchronous twin of writePidFile, for the moment right after a spawn: no await may come
 * between the fork and the record, or a host killed in that gap leaves an orphan nobody can reap.
 */
export function writePidFileSync(path: string, runtimeDir: string, record: PidRecord): void {
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
  if (!isPrivateStat(lstatSync(runtimeDir))) throw notPrivate(runtimeDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** The record, or undefined when the file is missing or not a valid record. */
export async function readPidFile(path: string): Promise<PidRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<PidRecord>;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 1 || typeof value.startTime !== 'string' || value.startTime === '') return undefined;
    return value as PidRecord;
  } catch {
    return undefined;
  }
}

/** Removes the file only if it still describes `pid` (another launch may have replaced it). */
export async function removePidFile(path: string, pid?: number): Promise<void> {
  if (pid !== undefined) {
    const current = await readPidFile(path);
    if (current !== undefined && current.pid !== pid) return;
  }
  await rm(path, { force: true });
}
