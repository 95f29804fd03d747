import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, parseStat, readProcTable } from '../src/proc/proc-table.js';
import { TreeTracker } from '../src/proc/tree-tracker.js';

const started: ChildProcess[] = [];
const extraPids: number[] = [];

afterEach(() => {
  for (const pid of extraPids.splice(0)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** `sh` that starts a `sleep` grandchild and prints its pid: a two-level tree. */
async function treeWithGrandchild(): Promise<{ root: ChildProcess; grandchild: number }> {
  const root = spawn('/bin/sh', ['-c', 'sleep 60 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(root);
  const [chunk] = (await once(root.stdout!, 'data')) as [Buffer];
  const grandchild = Number(chunk.toString().trim());
  extraPids.push(grandchild);
  return { root, grandchild };
}

describe('/proc reading', () => {
  it('parses a stat line whose command has spaces and parentheses', () => {
    const line = '123 (my (odd) name) S 45 123 123 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 98765 0 0';
    expect(parseStat(123, line)).toEqual({ pid: 123, ppid: 45, state: 'S', startTime: 98765 });
  });

  it('finds live processes and their descendants', async () => {
    const { root, grandchild } = await treeWithGrandchild();
    const table = readProcTable();
    expect(table.get(root.pid!)?.ppid).toBe(process.pid);
    expect(descendantsOf(root.pid!, table)).toContain(grandchild);
    expect(isAlive(grandchild)).toBe(true);
  });

  it('counts a process whose start time differs (a reused pid) as not ours', async () => {
    const { root } = await treeWithGrandchild();
    const start = readProcTable().get(root.pid!)!.startTime;
    expect(isAlive(root.pid!, start)).toBe(true);
    expect(isAlive(root.pid!, start + 1)).toBe(false);
  });

  it('keeps an orphaned grandchild in its tree after its parent died, until it is gone', async () => {
    const { root, grandchild } = await treeWithGrandchild();
    const tracker = new TreeTracker();
    tracker.addRoot(root.pid!, 1);
    expect(tracker.sample()).toEqual([{ root: root.pid, host: 1, pids: [root.pid, grandchild].sort((a, b) => a! - b!) }]);
    root.kill('SIGKILL');
    await once(root, 'exit');
    expect(tracker.sample()).toEqual([{ root: root.pid, host: 1, pids: [grandchild] }]);
    process.kill(grandchild, 'SIGKILL');
    // The orphan is reaped by PID 1 late or never: a zombie must count as gone.
    for (let i = 0; i < 200 && tracker.sample().length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(tracker.sample()).toEqual([]);
  });
});
