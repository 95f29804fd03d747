import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CgroupJail } from '../src/containment/cgroup.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, trackPids } from './helpers/harness.js';
import { isProcessGone, waitGone } from './helpers/proc.js';

/** True when this machine lets this user create a child cgroup and move a process into it. */
async function cgroupsAllowed(): Promise<boolean> {
  const probe = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
  await new Promise((resolve) => probe.once('spawn', resolve));
  try {
    const jail = CgroupJail.contain(`probe-${process.pid}`, probe.pid as number);
    probe.kill('SIGKILL');
    await waitGone([probe.pid as number]);
    jail.remove();
    return true;
  } catch {
    probe.kill('SIGKILL');
    return false;
  }
}

const allowed = await cgroupsAllowed();

/** Starts the daemonizing backend, asks it to daemonize after ready, returns the daemon's pid. */
async function daemonAfterReady(cgroup: boolean): Promise<{ sup: ReturnType<typeof supervise>['sup']; daemon: number; pid: number }> {
  // No health probes, no metrics: the tree is remembered at ready only, before the daemon exists.
  const { sup } = supervise({ command: NODE, args: [fixture('daemonize.mjs')], health: false, metrics: false, cgroup });
  const { url, pid } = await sup.start();
  const line = next(sup, 'log', ({ line: l }) => l.startsWith('daemon '));
  await (await fetch(`${url}/daemonize`)).text();
  const daemon = Number((await line).line.split(' ')[1]);
  trackPids([daemon]);
  return { sup, daemon, pid };
}

describe('a daemon that double-forks with setsid after ready', () => {
  it('escapes stop() without containment: the known limit the README states', async () => {
    const { sup, daemon } = await daemonAfterReady(false);
    await sup.stop();
    expect(isProcessGone(daemon)).toBe(false);
    process.kill(daemon, 'SIGKILL');
  });

  it.runIf(allowed)('is stopped with cgroup: true (cgroup v2, where the user may create one), and the cgroup is removed', async () => {
    const { sup, daemon, pid } = await daemonAfterReady(true);
    const record = JSON.parse(readFileSync(sup.pidFile as string, 'utf8')) as { cgroup: string };
    expect(record.cgroup).toMatch(/\/sentinel-supervisor-test-\d+-\d+$/);
    expect(readFileSync(`${record.cgroup}/cgroup.procs`, 'utf8').split('\n')).toEqual(expect.arrayContaining([String(pid), String(daemon)]));
    await sup.stop();
    expect(isProcessGone(daemon)).toBe(true);
    expect(existsSync(record.cgroup)).toBe(false);
  });
});

describe.runIf(allowed)('CgroupJail.removeWhenEmpty', () => {
  it('waits while the cgroup still has a member, and removes it once the member has left', async () => {
    const member = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
    await new Promise((resolve) => member.once('spawn', resolve));
    const jail = CgroupJail.contain(`wait-${process.pid}`, member.pid as number);
    const removing = jail.removeWhenEmpty(30_000);
    let settled = false;
    void removing.then(() => (settled = true));
    // Busy now: the attempt cannot have succeeded, and the directory is still there.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(existsSync(jail.path)).toBe(true);
    member.kill('SIGKILL');
    expect(await removing).toBe(true);
    expect(existsSync(jail.path)).toBe(false);
  });

  it('gives up after its bound while a member stays, leaving the cgroup in place', async () => {
    const member = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
    await new Promise((resolve) => member.once('spawn', resolve));
    const jail = CgroupJail.contain(`stay-${process.pid}`, member.pid as number);
    try {
      expect(await jail.removeWhenEmpty(50)).toBe(false);
      expect(existsSync(jail.path)).toBe(true);
    } finally {
      member.kill('SIGKILL');
      await waitGone([member.pid as number]);
      expect(await jail.removeWhenEmpty(5_000)).toBe(true);
    }
  });
});
