import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLOCK_OFFSET_ENV, CLOCK_OFFSET_MS, now } from '../src/history/clock.js';

const run = promisify(execFile);
const BUILT_CLOCK = fileURLToPath(new URL('../dist/history/clock.js', import.meta.url));

describe('the run clock', () => {
  it('a process handed the offset stamps on the same scale: between the stamps taken around it', async () => {
    const script = `const { now } = await import(${JSON.stringify(BUILT_CLOCK)}); process.stdout.write(String(now()));`;
    for (let i = 0; i < 3; i++) {
      const before = now();
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, [CLOCK_OFFSET_ENV]: String(CLOCK_OFFSET_MS) } });
      const after = now();
      const child = Number(stdout);
      expect(child).toBeGreaterThan(before);
      expect(child).toBeLessThan(after);
    }
  });

  it('is wall-clock time (epoch milliseconds)', () => {
    expect(Math.abs(now() - Date.now())).toBeLessThan(1_000);
  });
});
