import { describe, expect, it } from 'vitest';
import { BoundedLineSplitter, type SplitItem } from '../../src/store/jsonl/line-splitter.js';

function describeItems(items: readonly SplitItem[]): Array<[string, number, boolean]> {
  return items.map((item) => [item.kind === 'line' ? item.bytes.toString('utf8') : `oversized:${item.length}`, item.end, item.tail]);
}

function split(chunks: readonly string[], max = 100, start = 0): Array<[string, number, boolean]> {
  const splitter = new BoundedLineSplitter(max, start);
  const items = chunks.flatMap((chunk) => splitter.push(Buffer.from(chunk)));
  const tail = splitter.end();
  return describeItems(tail === undefined ? items : [...items, tail]);
}

describe('BoundedLineSplitter', () => {
  it('splits lines across chunk boundaries with absolute end offsets, and reports an unterminated tail', () => {
    expect(split(['ab\ncd', 'e\n\nf', 'g'])).toEqual([['ab', 3, false], ['cde', 7, false], ['', 8, false], ['fg', 10, true]]);
    expect(split(['x\n'], 100, 1000)).toEqual([['x', 1002, false]]);
    expect(split(['é\n'])).toEqual([['é', 3, false]]);
  });

  it('drops a line over the limit as it streams past, reporting its length, and keeps the next one whole', () => {
    expect(split(['short\n', 'x'.repeat(60), 'y'.repeat(60), '\nnext\n'])).toEqual([['short', 6, false], ['oversized:120', 127, false], ['next', 132, false]]);
    expect(split(['z'.repeat(101)])).toEqual([['oversized:101', 101, true]]);
  });

  it('holds no more than its limit of a 150 MB line', () => {
    const limit = 8 * 1024 * 1024;
    const splitter = new BoundedLineSplitter(limit);
    const chunk = Buffer.alloc(1024 * 1024, 0x78);
    const items: SplitItem[] = [];
    for (let index = 0; index < 150; index += 1) items.push(...splitter.push(chunk));
    items.push(...splitter.push(Buffer.from('\n{"ok":true}\n')));
    expect(describeItems(items)).toEqual([[`oversized:${150 * 1024 * 1024}`, 150 * 1024 * 1024 + 1, false], ['{"ok":true}', 150 * 1024 * 1024 + 13, false]]);
    expect(splitter.peakBufferedBytes).toBeLessThanOrEqual(limit);
    expect(splitter.peakBufferedBytes).toBeGreaterThan(limit - chunk.length);
  });
});
