import { describe, expect, it } from 'vitest';
import { SseParser } from '../../src/client/index.js';

describe('SseParser', () => {
  it('parses events split anywhere across chunks, with LF, CRLF or CR line ends', () => {
    const text = 'retry: 1000\n\n: heartbeat\n\nevent: progress\nid: 1\ndata: {"a":1}\n\nevent: end\r\ndata: {"b":\r\ndata: 2}\r\r\n';
    for (const size of [1, 2, 5, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let at = 0; at < text.length; at += size) events.push(...parser.feed(text.slice(at, at + size)));
      expect(events).toEqual([
        { event: 'progress', data: '{"a":1}', id: '1' },
        { event: 'end', data: '{"b":\n2}', id: '1' },
      ]);
    }
  });

  it('drops a leading BOM, ignores comments and unknown fields, and names data-only events "message"', () => {
    const parser = new SseParser();
    expect(parser.feed('\uFEFFdata: x\nfoo: bar\n: comment\n\n')).toEqual([{ event: 'message', data: 'x', id: undefined }]);
    expect(parser.feed('event: lonely\n\n')).toEqual([]);
  });
});
