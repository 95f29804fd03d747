import { execFile } from 'node:child_process';
import type { ProcessInfo, ProcessTable } from './types.js';

const COLUMNS = ['-o', 'pid=', '-o', 'ppid=', '-o', 'pgid=', '-o', 'stat=', '-o', 'lstart='];

function runPs(args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile('ps', [...args], { env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' } }, (error, stdout) => {
      // ps exits 1 when -p matches nothing: that is an empty table, not a failure.
      resolve(error && stdout === '' ? '' : stdout);
    });
  });
}

/** Parses `ps -o pid=,ppid=,pgid=,stat=,lstart=` output (lstart has spaces and is kept whole). */
export function parsePsOutput(text: string): ProcessInfo[] {
  const rows: ProcessInfo[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, stat, lstart] = match as unknown as [string, string, string, string, string, string];
    rows.push({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), state: stat.charAt(0), startTime: lstart });
  }
  return rows;
}

/** The process table read with `ps` (macOS, BSD; also works on Linux, where tests use it). */
export const psTable: ProcessTable = {
  async list() {
    return parsePsOutput(await runPs(['-A', ...COLUMNS]));
  },
  async get(pid) {
    return parsePsOutput(await runPs(['-p', String(pid), ...COLUMNS]))[0];
  },
};
