import { execFile } from 'node:child_process';
import type { ProcessInfo, ProcessTable, ProcessUsage } from './types.js';

const COLUMNS = ['-o', 'pid=', '-o', 'ppid=', '-o', 'pgid=', '-o', 'stat=', '-o', 'lstart='];
const USAGE_COLUMNS = ['-o', 'pid=', '-o', 'rss=', '-o', 'time='];

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

/** ps's cumulative CPU time, `[[dd-]hh:]mm:ss[.ss]` (procps prints hh:mm:ss, macOS m:ss.ss), in ms. */
export function parsePsTime(text: string): number | undefined {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Math.round((((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000);
}

/** Parses `ps -o pid=,rss=,time=` output (rss in KiB). */
export function parsePsUsage(text: string): ProcessUsage[] {
  const rows: ProcessUsage[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s*$/.exec(line);
    const cpuMs = match === null ? undefined : parsePsTime(match[3] as string);
    if (match === null || cpuMs === undefined) continue;
    rows.push({ pid: Number(match[1]), rssBytes: Number(match[2]) * 1024, cpuMs });
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
  async usage(pids) {
    if (pids.length === 0) return [];
    return parsePsUsage(await runPs(['-p', pids.join(','), ...USAGE_COLUMNS]));
  },
};
