import { describe, expect, it } from 'vitest';
import type { LogLine } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise } from './helpers/harness.js';
import { captureLogger, topLevelKeys } from './helpers/log-capture.js';

const noDuplicateKeys = (lines: readonly string[]): string[] => lines.filter((line) => new Set(topLevelKeys(line)).size !== topLevelKeys(line).length);

describe('log multiplexing', () => {
  it("splits awkward output into 'log' events and pino records with { service, stream, backendPid }", async () => {
    const { logger, records, lines: raw } = captureLogger();
    const { sup } = supervise({ name: 'edge', command: NODE, args: [fixture('edge-output.mjs')], env: { FIXTURE_EXIT: '1' }, port: false, readiness: { stdout: /^edge-done$/ }, logs: { maxLineBytes: 1000 }, logger, restart: false });
    const lines: LogLine[] = [];
    sup.on('log', (entry) => lines.push(entry));
    const exit = new Promise<{ lastLines: readonly string[] }>((resolve) => sup.once('exit', resolve));
    const failed = new Promise((resolve) => sup.once('failed', resolve));
    const { pid } = await sup.start();
    // The exit carries the final words, even the last line that had no newline (after stdout's
    // earlier lines; where stderr's line falls among them depends on which pipe was read first).
    const { lastLines } = await exit;
    expect(lastLines.filter((line) => line !== 'to stderr').slice(-2)).toEqual(['edge-done', 'no newline at end']);
    expect(lastLines).toContain('to stderr');
    await failed;
    const stdout = lines.filter((l) => l.stream === 'stdout').map((l) => l.line);
    expect(stdout.slice(0, 4)).toEqual(['hello world', 'crlf line', 'bad\uFFFD\uFFFD!', 'L'.repeat(1000)]);
    expect(lines.find((l) => l.line === 'L'.repeat(1000))?.truncated).toBe(true);
    expect(stdout).toContain('after long');
    expect(stdout.at(-1)).toBe('no newline at end');
    expect(lines.find((l) => l.stream === 'stderr')).toMatchObject({ line: 'to stderr', pid });
    const child = records.filter((r) => r['service'] === 'edge' && r['stream'] !== undefined);
    expect(child.find((r) => r['msg'] === 'hello world')).toMatchObject({ level: 30, stream: 'stdout', backendPid: pid, pid: process.pid });
    expect(child.find((r) => r['msg'] === 'to stderr')).toMatchObject({ level: 40, stream: 'stderr' });
    expect(child.find((r) => r['msg'] === 'L'.repeat(1000))).toMatchObject({ truncated: true });
    // The child's pino record keeps its level, message and fields; its own pid, hostname and time move aside.
    expect(child.find((r) => r['msg'] === 'pino error from child')).toMatchObject({ level: 50, childTime: 1700000000000, childPid: 1, childHostname: 'h', reqId: 'r1', stream: 'stdout', backendPid: pid, pid: process.pid });
    expect(child.find((r) => r['msg'] === 'pino debug from child')).toMatchObject({ level: 20, childTime: 1700000000001 });
    expect(records.find((r) => r['msg'] === 'backend exited')).toMatchObject({ service: 'edge', reason: 'crash', code: 0, backendPid: pid });
    expect(noDuplicateKeys(raw)).toEqual([]);
  });

  it("a child's record never overrides service, stream or pid; err stays intact; level names count", async () => {
    const { logger, records, lines: raw, settled } = captureLogger();
    const { sup } = supervise({ name: 'json', command: NODE, args: [fixture('json-logs.mjs')], port: false, readiness: { stdout: /^json-done$/ }, logger });
    const { pid } = await sup.start();
    await settled();
    const byMsg = (msg: string): Record<string, unknown> | undefined => records.find((r) => r['msg'] === msg);
    expect(byMsg('spoof')).toMatchObject({ service: 'json', stream: 'stdout', backendPid: pid, pid: process.pid, childService: 'other', childStream: 'x', childPid: 1, childTime: 5, childHostname: 'h', childBackendPid: 2 });
    expect(byMsg('boom')).toMatchObject({ level: 50, err: { type: 'TypeError', message: 'bad', stack: 'TypeError: bad\n    at f (x.js:1:1)' } });
    expect(byMsg('named warn')).toMatchObject({ level: 40 });
    expect(byMsg('gcp error')).toMatchObject({ level: 50 });
    expect(byMsg('gcp error')).not.toHaveProperty('severity');
    expect(byMsg('python warning')).toMatchObject({ level: 40, logger: 'app' });
    expect(byMsg('structlog says')).toMatchObject({ level: 30, timestamp: '2026-01-01T00:00:00Z' });
    // An unknown level name is no record: the line is logged as text.
    expect(byMsg('{"level":"verbose","msg":"not a level"}')).toMatchObject({ level: 30 });
    expect(noDuplicateKeys(raw)).toEqual([]);
  });

  it.each([
    {
      label: "Python's chained traceback",
      command: 'python3',
      args: ['-c', 'def f():\n    return 1 / 0\ntry:\n    f()\nexcept ZeroDivisionError as e:\n    raise ValueError("bad input") from e\n'],
      first: 'Traceback (most recent call last):',
      contains: ['ZeroDivisionError: division by zero', 'The above exception was the direct cause of the following exception:', 'ValueError: bad input'],
    },
    {
      label: "Node's uncaught error stack",
      command: NODE,
      args: ['-e', 'function inner() { throw new TypeError("node boom"); }\nfunction outer() { inner(); }\nouter();'],
      first: 'TypeError: node boom',
      contains: ['    at inner', '    at outer'],
    },
  ])('$label is one record', async ({ command, args, first, contains }) => {
    const { logger, records } = captureLogger();
    const { sup } = supervise({ name: 'trace', command, args, port: false, readiness: { stdout: /never/ }, restart: false, logger });
    const failed = next(sup, 'failed');
    await sup.start().catch(() => undefined);
    await failed;
    const stack = records.find((r) => typeof r['msg'] === 'string' && r['msg'].startsWith(first));
    expect(stack, JSON.stringify(records.map((r) => r['msg']))).toBeDefined();
    for (const text of contains) expect(stack?.['msg']).toContain(text);
    expect(stack).toMatchObject({ stream: 'stderr', level: 40 });
    expect(stack?.['lines']).toBeGreaterThan(contains.length);
  });

  it('with groupStackTraces: false every line is its own record', async () => {
    const { logger, records } = captureLogger();
    const { sup } = supervise({ name: 'trace', command: 'python3', args: ['-c', 'raise ValueError("flat")'], port: false, readiness: { stdout: /never/ }, restart: false, logger, logs: { groupStackTraces: false } });
    const failed = next(sup, 'failed');
    await sup.start().catch(() => undefined);
    await failed;
    const msgs = records.filter((r) => r['stream'] === 'stderr').map((r) => r['msg']);
    expect(msgs).toContain('Traceback (most recent call last):');
    expect(msgs).toContain('ValueError: flat');
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
