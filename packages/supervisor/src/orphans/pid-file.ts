import { lstatSync, mkdirSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { lstat, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What a pid file records about a running backend. */
export interface PidRecord {
  readonly pid: number;
  /** Process start time (see proc/): pid AND start time must match before anything is killed. */
  readonly startTime: string;
  /** Must also be the backend's SUPERVISOR_INSTANCE_ID (checked in /proc/<pid>/environ on Linux). */
  readonly instanceId: string;
  readonly supervisorPid: number;
  readonly supervisorStartTime: string | undefined;
  readonly command: string;
  /** The cgroup holding the tree, when `cgroup: true` could create one. */
  readonly cgroup?: string;
  readonly writtenAt: string;
}

export function pidFilePath(runtimeDir: string, name: string): string {
  return join(runtimeDir, `${name}.pid.json`);
}

/** Why a directory cannot hold pid files, or undefined when it is private to this user. */
export function whyNotPrivate(stat: Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'it is a symbolic link';
  if (!stat.isDirectory()) return 'it is not a directory';
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return `it belongs to uid ${stat.uid}`;
  if ((stat.mode & 0o022) !== 0) return `others may write to it (mode ${(stat.mode & 0o777).toString(8)})`;
  return undefined;
}

/**
 * Creates `dir` (0700) if needed and tells whether it is private: a real directory (not a symlink)
 * owned by this user and writable by nobody else, so nobody else can plant a pid file that makes us
 * kill one of our own processes. Returns undefined when private, else why not.
 */
export function ensurePrivateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return whyNotPrivate(lstatSync(dir));
  } catch (error) {
    return (error as Error).message;
  }
}

/** True when `dir` is private to this user now. */
export async function isPrivateDir(dir: string): Promise<boolean> {
  try {
    return whyNotPrivate(await lstat(dir)) === undefined;
  } catch {
    return false;
  }
}

/**
 * Writes synchronously and atomically (temp file + rename, mode 0600): no await may come between the
 * fork and the record, or a host killed in that gap leaves an orphan nobody can reap.
 */
export function writePidFileSync(path: string, record: PidRecord): void {
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
    if (typeof value.instanceId !== 'string') return undefined;
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
