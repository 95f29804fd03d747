import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildLike, SpawnRequest } from '@sentinel/supervisor';
import { readStat } from '@sentinel/supervisor/proc';
import { BACKEND_SERVICE_NAME, createUtilitySpawn, reportedExit } from '../src/electron/utility-spawn.js';
import { fakeUtilityProcess } from './helpers/fake-utility-process.js';
import { isGone, waitGone } from './helpers/processes.js';

// The supervisor's spawn on utilityProcess, against the fake utilityProcess (a child_process.fork
// that behaves as Electron documents and implements it). No supervisor here: the adapter alone.
let dir: string;
const started = new Set<number>();

/** Small child modules, written to a temp folder (never into the checkout). */
const MODULES = {
  // Prints its arguments and one variable, then one line on stderr, then exits 3.
  'exit-three.mjs': `console.log('args', JSON.stringify(process.argv.slice(2)), process.env.MARK); console.error('on stderr'); process.exit(3);`,
  // Drains for 2.5 s after SIGTERM (longer than Electron's own kill() waits before its SIGKILL).
  'slow-drain.mjs': `process.on('SIGTERM', () => setTimeout(() => { console.log('drained'); process.exit(0); }, 2500)); console.log('up'); setInterval(() => {}, 1 << 30);`,
  // Ignores SIGTERM: only SIGKILL ends it.
  'stubborn.mjs': `process.on('SIGTERM', () => console.log('ignored SIGTERM')); console.log('up'); setInterval(() => {}, 1 << 30);`,
  // Leaves a grandchild holding stdout, which writes once this process is gone (after 'exit'); this
  // process exits only when the grandchild is up and knows its parent.
  'late-words.mjs': `import { spawn } from 'node:child_process';
const code = "const p = process.ppid; process.send('up', () => process.disconnect()); const t = setInterval(() => { if (process.ppid !== p) { clearInterval(t); process.stdout.write('written after exit\\\\n'); } }, 5);";
const grandchild = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
console.log('grandchild', grandchild.pid);
grandchild.once('message', () => process.exit(0));`,
};

function request(file: keyof typeof MODULES | string, env: Record<string, string> = {}): SpawnRequest {
  return { command: join(dir, file), args: ['--flag', 'value'], env: { PATH: process.env.PATH ?? '', ...env }, cwd: dir };
}

/** Lines of a stream, collected as they come; `next(re)` resolves with the first matching line. */
function lines(stream: Readable | null) {
  const seen: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (line: string) => void }> = [];
  let buffer = '';
  stream?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      seen.push(line);
      for (const waiter of waiters.filter((w) => w.re.test(line))) waiter.resolve(line);
    }
  });
  const ended = stream ? once(stream, 'end') : Promise.resolve();
  return { seen, ended, next: (re: RegExp) => new Promise<string>((resolve) => (seen.some((l) => re.test(l)) ? resolve(seen.find((l) => re.test(l))!) : waiters.push({ re, resolve }))) };
}

function spawned(child: ChildLike): Promise<number> {
  return new Promise((resolve) => child.on('spawn', () => (started.add(child.pid!), resolve(child.pid!))));
}

function exited(child: ChildLike): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-utility-'));
  for (const [name, text] of Object.entries(MODULES)) await writeFile(join(dir, name), text);
});
afterAll(async () => {
  for (const pid of started) await waitGone(pid);
  await rm(dir, { recursive: true, force: true });
});

describe('createUtilitySpawn over utilityProcess.fork', () => {
  it('forks the module with its arguments, environment, piped output and the service name; pid from spawn; exit with the code', async () => {
    const utility = fakeUtilityProcess();
    const child = createUtilitySpawn(utility)(request('exit-three.mjs', { MARK: 'marked' }));
    expect(child.pid).toBeUndefined(); // Electron knows it at 'spawn', not at fork
    const out = lines(child.stdout);
    const err = lines(child.stderr);
    const exit = exited(child);
    const pid = await spawned(child);
    expect(utility.forks).toHaveLength(1);
    expect(utility.forks[0]).toMatchObject({ modulePath: join(dir, 'exit-three.mjs'), args: ['--flag', 'value'], options: { stdio: 'pipe', serviceName: BACKEND_SERVICE_NAME, cwd: dir } });
    expect(utility.forks[0]!.options.env).toEqual({ PATH: process.env.PATH ?? '', MARK: 'marked' });
    expect(utility.forks[0]!.process.pid).toBe(pid);
    expect(await exit).toEqual({ code: 3, signal: null });
    await Promise.all([out.ended, err.ended]);
    expect(out.seen).toEqual(['args ["--flag","value"] marked']);
    expect(err.seen).toEqual(['on stderr']);
    expect(child.pid).toBe(pid); // still known after 'exit' (Electron's is undefined by then)
    expect(utility.forks[0]!.process.pid).toBeUndefined();
  });

  it('the child shares the host\'s process group and does not lead one (so the supervisor never signals a group)', async () => {
    const child = createUtilitySpawn(fakeUtilityProcess())(request('stubborn.mjs'));
    const out = lines(child.stdout);
    const exit = exited(child);
    const pid = await spawned(child);
    await out.next(/^up$/);
    expect(readStat(pid)?.pgid).toBe(readStat(process.pid)?.pgid);
    expect(readStat(pid)?.pgid).not.toBe(pid);
    expect(readStat(pid)?.ppid).toBe(process.pid);
    child.kill('SIGKILL');
    await exit;
  });

  it('kill(SIGTERM) sends the signal itself: no SIGKILL 2 s later, so the backend drains; Electron\'s own kill() would cut it', async () => {
    const utility = fakeUtilityProcess();
    const child = createUtilitySpawn(utility)(request('slow-drain.mjs'));
    const out = lines(child.stdout);
    const exit = exited(child);
    await spawned(child);
    await out.next(/^up$/);
    expect(child.kill('SIGTERM')).toBe(true);
    expect(await exit).toEqual({ code: 0, signal: null });
    await out.ended;
    expect(out.seen).toContain('drained');
    expect(utility.forks[0]!.process.killCalls).toBe(0);

    // The premise, on the fake itself: Electron's kill() SIGKILLs after 2 s, reported as code 0.
    const direct = utility.fork(join(dir, 'slow-drain.mjs'), [], { stdio: 'pipe' });
    const directLines = lines(direct.stdout as Readable);
    await once(direct, 'spawn');
    started.add(direct.pid!);
    await directLines.next(/^up$/);
    const directExit = once(direct, 'exit');
    expect(direct.kill()).toBe(true);
    expect(await directExit).toEqual([0]);
    expect(directLines.seen).not.toContain('drained');
  });

  it('a SIGKILL it delivered is reported as the signal; after the exit kill() returns false', async () => {
    const child = createUtilitySpawn(fakeUtilityProcess())(request('stubborn.mjs'));
    const out = lines(child.stdout);
    const exit = exited(child);
    const pid = await spawned(child);
    await out.next(/^up$/);
    expect(child.kill('SIGTERM')).toBe(true);
    await out.next(/^ignored SIGTERM$/);
    expect(child.kill('SIGKILL')).toBe(true);
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isGone(pid)).toBe(true);
    expect(child.kill('SIGKILL')).toBe(false);
  });

  it('a SIGKILL from elsewhere reads as code 9, as Electron reports it (waitpid status as a code)', async () => {
    const child = createUtilitySpawn(fakeUtilityProcess())(request('stubborn.mjs'));
    const out = lines(child.stdout);
    const exit = exited(child);
    const pid = await spawned(child);
    await out.next(/^up$/);
    process.kill(pid, 'SIGKILL');
    expect(await exit).toEqual({ code: 9, signal: null });
  });

  it('output written after the exit still reaches the supervisor (Electron drops its stream listeners at exit)', async () => {
    const utility = fakeUtilityProcess();
    const child = createUtilitySpawn(utility)(request('late-words.mjs'));
    const out = lines(child.stdout);
    const exit = exited(child);
    await spawned(child);
    const grandchild = Number((await out.next(/^grandchild \d+$/)).split(' ')[1]);
    started.add(grandchild);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(utility.forks[0]!.process.stdout).toBeNull(); // Electron forgot its stream
    expect(await out.next(/after exit/)).toBe('written after exit');
    await out.ended;
  });

  it('Electron\'s \'error\' (a fatal V8 error, then \'exit\') reaches the supervisor as an Error', async () => {
    const utility = fakeUtilityProcess();
    const child = createUtilitySpawn(utility)(request('stubborn.mjs'));
    const exit = exited(child);
    await spawned(child);
    const errors: Error[] = [];
    child.on('error', (error) => errors.push(error));
    utility.forks[0]!.process.emit('error', 'FatalError', 'v8::Isolate::Dispose', '{}'); // what Electron emits
    expect(errors.map((error) => error.message)).toEqual(["The backend's utility process hit a FatalError at v8::Isolate::Dispose"]);
    child.kill('SIGKILL');
    await exit;
  });

  it('a module that does not exist is refused at once with ENOENT (no process, no restart loop)', () => {
    const utility = fakeUtilityProcess();
    expect(() => createUtilitySpawn(utility)(request('missing.mjs'))).toThrow(expect.objectContaining({ code: 'ENOENT', message: expect.stringContaining('missing.mjs') }));
    expect(utility.forks).toHaveLength(0);
  });
});

describe('reportedExit', () => {
  it('names a signal only when this adapter delivered it and the code is its number', () => {
    expect(reportedExit(9, new Set(['SIGTERM', 'SIGCONT', 'SIGKILL']))).toEqual({ code: null, signal: 'SIGKILL' });
    expect(reportedExit(15, new Set(['SIGTERM']))).toEqual({ code: null, signal: 'SIGTERM' });
    expect(reportedExit(134, new Set(['SIGABRT']))).toEqual({ code: null, signal: 'SIGABRT' }); // + core dump
    expect(reportedExit(0, new Set(['SIGTERM']))).toEqual({ code: 0, signal: null }); // drained and exited
    expect(reportedExit(9, new Set())).toEqual({ code: 9, signal: null });
    expect(reportedExit(18, new Set(['SIGCONT']))).toEqual({ code: 18, signal: null }); // SIGCONT ends nothing
    expect(reportedExit(1, new Set(['SIGKILL']))).toEqual({ code: 1, signal: null });
  });
});
