import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from '../src/logs/line-splitter.js';

function split(chunks: ReadonlyArray<string | number[]>, maxBytes = 64, end = true): SplitLine[] {
  const lines: SplitLine[] = [];
  const splitter = new LineSplitter(maxBytes, (line) => lines.push(line));
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  if (end) splitter.end();
  return lines;
}

const plain = (...texts: string[]): SplitLine[] => texts.map((text) => ({ text, truncated: false }));

describe('LineSplitter', () => {
  it.each([
    { label: 'one line', chunks: ['a\n'], expected: plain('a') },
    { label: 'a line across chunks', chunks: ['hel', 'lo', ' world\nnext\n'], expected: plain('hello world', 'next') },
    { label: 'CRLF', chunks: ['a\r\nb\r', '\n'], expected: plain('a', 'b') },
    { label: 'a lone CR inside a line is kept', chunks: ['a\rb\n'], expected: plain('a\rb') },
    { label: 'empty lines', chunks: ['\n\n'], expected: plain('', '') },
    { label: 'last line without newline', chunks: ['a\nlast'], expected: plain('a', 'last') },
    { label: 'invalid UTF-8 becomes U+FFFD', chunks: [[0x61, 0xff, 0x62, 0x0a]], expected: plain('a\uFFFDb') },
    { label: 'a multi-byte character split across chunks', chunks: [[0xe2, 0x82], [0xac, 0x0a]], expected: plain('€') },
    { label: 'an over-long line is cut and the rest dropped', chunks: [`${'x'.repeat(70)}\nok\n`], expected: [{ text: 'x'.repeat(64), truncated: true }, ...plain('ok')] },
    { label: 'an over-long line across chunks', chunks: ['y'.repeat(40), 'y'.repeat(40), 'y'.repeat(40), '\nok'], expected: [{ text: 'y'.repeat(64), truncated: true }, ...plain('ok')] },
  ])('$label', ({ chunks, expected }) => {
    expect(split(chunks)).toEqual(expected);
  });

  it('keeps no more than maxBytes buffered however long the line', () => {
    const lines: SplitLine[] = [];
    const splitter = new LineSplitter(1024, (line) => lines.push(line));
    for (let i = 0; i < 10_000; i++) splitter.push(Buffer.alloc(4096, 0x41));
    splitter.push(Buffer.from('\n'));
    expect(lines).toEqual([{ text: 'A'.repeat(1024), truncated: true }]);
  });
});
