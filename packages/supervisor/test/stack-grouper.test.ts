import { describe, expect, it } from 'vitest';
import { StackGrouper, type GroupedRecord } from '../src/logs/stack-grouper.js';

function group(lines: readonly string[], maxBytes = 10_000): GroupedRecord[] {
  const out: GroupedRecord[] = [];
  const grouper = new StackGrouper(maxBytes, 60_000, (record) => out.push(record));
  for (const line of lines) grouper.push(line, false);
  grouper.flush();
  return out;
}

const texts = (records: readonly GroupedRecord[]): string[] => records.map((r) => r.text);

describe('StackGrouper', () => {
  it('keeps plain lines apart, in order', () => {
    expect(texts(group(['a', '  indented but no stack', 'b']))).toEqual(['a', '  indented but no stack', 'b']);
  });

  it('joins a Node error with its frames and cause, and no more', () => {
    const lines = ['before', 'Error: outer', '    at f (a.js:1:1)', '    at g (a.js:2:2)', '  [cause]: Error: inner', '      at h (b.js:3:3)', '    ... 4 lines matching cause stack trace ...', 'after'];
    expect(texts(group(lines))).toEqual(['before', lines.slice(1, 7).join('\n'), 'after']);
  });

  it('joins a chained Python traceback, and leaves the lines after it alone', () => {
    const tb = ['Traceback (most recent call last):', '  File "x.py", line 1, in <module>', '    f()', 'ZeroDivisionError: division by zero'];
    const chain = ['', 'During handling of the above exception, another exception occurred:', ''];
    const lines = [...tb, ...chain, ...tb.slice(0, 3), 'ValueError: bad', '', 'next line'];
    expect(texts(group(lines))).toEqual([[...tb, ...chain, ...tb.slice(0, 3), 'ValueError: bad'].join('\n'), '', 'next line']);
  });

  it('a blank line after a traceback that is not a chain stays its own record', () => {
    expect(texts(group(['Traceback (most recent call last):', '  File "x"', 'KeyError: 1', '', 'done']))).toEqual(['Traceback (most recent call last):\n  File "x"\nKeyError: 1', '', 'done']);
  });

  it('cuts a record at maxBytes and carries on in the next one', () => {
    const frames = Array.from({ length: 10 }, (_, i) => `    at frame${i} (file.js:${i}:1)`);
    const records = group(['Error: big', ...frames], 120);
    expect(records.length).toBeGreaterThan(1);
    expect(records.every((r) => r.text.length <= 120)).toBe(true);
    expect(records.map((r) => r.text).join('\n')).toBe(['Error: big', ...frames].join('\n'));
  });

  it('writes a pending record after waitMs of quiet, without another line', async () => {
    const written: GroupedRecord[] = [];
    let wrote!: () => void;
    const first = new Promise<void>((resolve) => (wrote = resolve));
    const grouper = new StackGrouper(10_000, 5, (record) => {
      written.push(record);
      wrote();
    });
    grouper.push('Error: lonely', false);
    grouper.push('    at f (x.js:1:1)', false);
    expect(written).toEqual([]);
    await first;
    expect(written).toEqual([{ text: 'Error: lonely\n    at f (x.js:1:1)', lines: 2, truncated: false }]);
  });
});
