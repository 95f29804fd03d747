import { Writable } from 'node:stream';
import { pino } from 'pino';

/** A pino logger writing to memory: every record parsed, and the raw lines (to look for duplicate keys). */
export function captureLogger(): { logger: pino.Logger; records: Array<Record<string, unknown>>; lines: string[]; settled: () => Promise<void> } {
  const records: Array<Record<string, unknown>> = [];
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        lines.push(line);
        records.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), records, lines, settled: () => new Promise((resolve) => setImmediate(resolve)) };
}

/** The top-level keys of a JSON object text, in order and with repeats (JSON.parse keeps only the last). */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(text.slice(i, j + 1)) as string);
      expectKey = false;
      i = j;
    } else if (c === '{' || c === '[') {
      depth += 1;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') depth -= 1;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return keys;
}
