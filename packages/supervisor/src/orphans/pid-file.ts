import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/** Writes atomically (temp file + rename), mode 0600 in a 0700 directory. */
export async function writePidFile(path: string, runtimeDir: string, record: PidRecord): Promise<void> {
  await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  await rename(temp, path);
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
