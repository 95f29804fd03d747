// Reproduces the race sentinel-chaos found (single-backend-tree): a host SIGKILLed right after its
// Supervisor emitted 'spawn' leaves a backend the next host cannot reap (the pid file is written
// after 'spawn', asynchronously), so two backends run at once until the orphan notices its parent
// is gone. Usage (after npm run build): node scripts/repro-pidfile-race.mjs [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryRecorder } from '../dist/history/recorder.js';
import { HostHandle } from '../dist/host/host-handle.js';
import { hostConfigFor } from '../dist/runner/target-config.js';
import { DEFAULT_TIMING } from '../dist/config/timing.js';
import { isAlive } from '../dist/proc/proc-table.js';

const rounds = Number(process.argv[2] ?? 5);
const root = mkdtempSync(join(tmpdir(), 'sentinel-race-'));
const config = hostConfigFor({ kind: 'sentinel', launcher: false }, DEFAULT_TIMING, {
  token: 'repro', dataDir: join(root, 'data'), runtimeDir: join(root, 'runtime'), floodFile: join(root, 'flood'),
});
const nextSpawn = (recorder, host) =>
  new Promise((resolve) => recorder.subscribe((e) => { if (e.type === 'sup' && e.event === 'spawn' && e.host === host) resolve(e.data.pid); }));

let overlaps = 0;
for (let round = 1; round <= rounds; round++) {
  const recorder = new HistoryRecorder();
  const first = await HostHandle.launch(1, config, recorder);
  const firstSpawn = nextSpawn(recorder, 1);
  void first.command('start').catch(() => {});
  const oldPid = await firstSpawn;
  await first.kill();
  const second = await HostHandle.launch(2, config, recorder);
  const secondSpawn = nextSpawn(recorder, 2);
  void second.command('start').catch(() => {});
  const newPid = await secondSpawn;
  const both = isAlive(oldPid) && isAlive(newPid);
  if (both) overlaps += 1;
  console.log(`round ${round}: backend ${oldPid} of the killed host ${both ? 'STILL ALIVE' : 'gone'} when the next host spawned ${newPid}`);
  await second.close();
  for (let i = 0; i < 200 && isAlive(oldPid); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}
rmSync(root, { recursive: true, force: true });
console.log(`${overlaps}/${rounds} rounds had two live backends`);
process.exitCode = overlaps > 0 ? 1 : 0;
