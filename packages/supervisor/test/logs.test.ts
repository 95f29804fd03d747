import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { supervise } from './helpers/harness.js';

function captureLogger(): { logger: pino.Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), records };
}

describe('log multiplexing', () => {
  it("splits awkward output into 'log' events and pino records with { service, stream, pid }", async () => {
    const { logger, records } = captureLogger();
    const { sup } = supervise({ name: 'edge', command: NODE, args: [fixture('edge-output.mjs')], env: { FIXTURE_EXIT: '1' }, port: false, readiness: { stdout: /^edge-done$/ }, logs: { maxLineBytes: 1000 }, logger, restart: false });
    const lines: LogLine[] = [];
    sup.on('log', (entry) => lines.push(entry));
    const exit = new Promise<{ lastLines: readonly string[] }>((resolve) => sup.once('exit', resolve));
    const failed = new Promise((resolve) => sup.once('failed', resolve));
    const { pid } = await sup.start();
    // The exit carries the final words, even the last line that had no newline.
    expect((await exit).lastLines.at(-1)).toBe('no newline at end');
    await failed;
    const stdout = lines.filter((l) => l.stream === 'stdout').map((l) => l.line);
    expect(stdout.slice(0, 4)).toEqual(['hello world', 'crlf line', 'bad\uFFFD\uFFFD!', 'L'.repeat(1000)]);
    expect(lines.find((l) => l.line === 'L'.repeat(1000))?.truncated).toBe(true);
    expect(stdout).toContain('after long');
    expect(stdout.at(-1)).toBe('no newline at end');
    expect(lines.find((l) => l.stream === 'stderr')).toMatchObject({ line: 'to stderr', pid });
    const child = records.filter((r) => r['service'] === 'edge' && r['stream'] !== undefined);
    expect(child.find((r) => r['msg'] === 'hello world')).toMatchObject({ level: 30, stream: 'stdout', pid });
    expect(child.find((r) => r['msg'] === 'to stderr')).toMatchObject({ level: 40, stream: 'stderr' });
    expect(child.find((r) => r['msg'] === 'pino error from child')).toMatchObject({ level: 50, time: 1700000000000, reqId: 'r1', stream: 'stdout', pid });
    expect(child.find((r) => r['msg'] === 'pino debug from child')).toMatchObject({ level: 20, time: 1700000000001 });
    expect(records.find((r) => r['msg'] === 'backend exited')).toMatchObject({ service: 'edge', reason: 'crash', code: 0 });
  });

  it('drains a flood with no listener at all: the child never blocks on a full pipe', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('flood.mjs')], env: { FIXTURE_LINES: '300000' }, port: false, readiness: { stdout: /^flood-done$/, timeoutMs: 50_000 } });
    await sup.start();
    expect(sup.state).toBe('ready');
  });

  it('loses no line of a flood and keeps them in order', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('flood.mjs')], env: { FIXTURE_LINES: '200000', FIXTURE_WIDTH: '40' }, port: false, readiness: { stdout: /^flood-done$/, timeoutMs: 50_000 } });
    let expected = 0;
    let outOfOrder = 0;
    sup.on('log', ({ line }) => {
      if (line === 'flood-done') return;
      if (Number(line.slice(0, 10)) !== expected) outOfOrder += 1;
      expected += 1;
    });
    await sup.start();
    expect(expected).toBe(200_000);
    expect(outOfOrder).toBe(0);
  });
});
