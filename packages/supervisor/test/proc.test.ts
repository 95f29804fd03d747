import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectTree, isGone } from '../src/proc/index.js';
import { parseProcStat, procTable } from '../src/proc/linux-proc.js';
import { parsePsOutput, psTable } from '../src/proc/ps-table.js';
import { stopTree } from '../src/stop/index.js';
import { NODE } from './helpers/fixtures.js';
import { isProcessGone } from './helpers/proc.js';

describe('process tables', () => {
  it('isProcessGone: a live process is not gone; an unreaped zombie and a missing pid are', async () => {
    // sh starts a background `sleep 60`, prints its pid, then becomes `sleep 30`, which never reaps
    // a child. The background sleep is killed only once that exec happened (before it, sh itself
    // could reap it), so it stays a zombie for as long as the parent lives.
    const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombiePid = Number(await new Promise<string>((resolve) => parent.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      expect(isProcessGone(parent.pid as number)).toBe(false);
      const read = (path: string): string | undefined => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return undefined;
        }
      };
      const until = (condition: () => boolean): Promise<void> =>
        new Promise<void>((resolve) => {
          const check = (): void => (condition() ? resolve() : void setTimeout(check, 5));
          check();
        });
      await until(() => read(`/proc/${parent.pid}/cmdline`)?.startsWith('sleep\u000030') === true);
      expect(isProcessGone(zombiePid)).toBe(false);
      process.kill(zombiePid, 'SIGKILL');
      await until(() => read(`/proc/${zombiePid}/stat`)?.split(') ')[1]?.[0] === 'Z');
      expect(isProcessGone(zombiePid)).toBe(true);
      expect(isProcessGone(2 ** 22 + 1)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('parses /proc/<pid>/stat even with spaces and parentheses in the name', () => {
    const line = '4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 987654 1000 10';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 1, pgid: 4242, state: 'S', startTime: '987654' });
  });

  it('parses ps output with a multi-word start time', () => {
    expect(parsePsOutput('  12     1    12 Ss   Sun Nov 22 02:40:32 2026\n 13 12 12 Z+ Sun Nov 22 02:41:00 2026\n')).toEqual([
      { pid: 12, ppid: 1, pgid: 12, state: 'S', startTime: 'Sun Nov 22 02:40:32 2026' },
      { pid: 13, ppid: 12, pgid: 12, state: 'Z', startTime: 'Sun Nov 22 02:41:00 2026' },
    ]);
  });

  it.each([
    { label: '/proc', table: procTable },
    { label: 'ps', table: psTable },
  ])('$label sees this process and its child with a stable start time', async ({ table }) => {
    const child = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const rows = await table.list();
      const row = rows.find((r) => r.pid === child.pid);
      expect(row).toMatchObject({ ppid: process.pid, state: expect.stringMatching(/[RS]/) });
      expect((await table.get(child.pid as number))?.startTime).toBe(row?.startTime);
      expect(collectTree(rows, process.pid, undefined).map((r) => r.pid)).toContain(child.pid);
      expect(isGone(row, 'another start time')).toBe(true);
      expect(await table.get(2 ** 22 + 12_345)).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    { label: '/proc', table: procTable },
    { label: 'ps', table: psTable },
  ])('stopTree with the $label table stops a group leader and its child', async ({ table }) => {
    const leader = spawn(NODE, ['-e', `require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1e9)'],{stdio:'ignore'});console.log('up');setInterval(()=>{},1e9)`], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => leader.stdout?.once('data', resolve));
    const members = collectTree(await table.list(), leader.pid as number, leader.pid).map((r) => r.pid);
    expect(members.length).toBe(2);
    const result = await stopTree({ leader: { pid: leader.pid as number, startTime: (await table.get(leader.pid as number))?.startTime }, signal: 'SIGTERM', timeoutMs: 2_000, table });
    expect(result).toEqual({ escalated: false, survivors: [] });
    expect(members.filter((pid) => !isProcessGone(pid))).toEqual([]);
  });
});
