import type { BigIntStats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RACY_WINDOW_MS, StatCache } from '../../src/library/stat-cache.js';

const NOW = 1_800_000_000_000;
const ms = (value: number): bigint => BigInt(value) * 1_000_000n;

function stats(overrides: Partial<Record<'dev' | 'ino' | 'size' | 'mtimeNs' | 'ctimeNs', bigint>> = {}): BigIntStats {
  return { dev: 1n, ino: 7n, size: 120n, mtimeNs: ms(NOW - 60_000), ctimeNs: ms(NOW - 60_000), ...overrides } as BigIntStats;
}

describe('the stat cache of parsed files', () => {
  it('reuses a value while every identifying field is unchanged', () => {
    const cache = new StatCache<string>();
    cache.store('/w/tests/a.yaml', stats(), NOW, 'parsed');
    expect(cache.lookup('/w/tests/a.yaml', stats())).toBe('parsed');
    expect(cache.lookup('/w/tests/b.yaml', stats())).toBeUndefined();
  });

  it.each([
    ['inode (a rename over the file)', { ino: 8n }],
    ['size', { size: 121n }],
    ['mtime', { mtimeNs: ms(NOW - 60_000) + 1n }],
    ['ctime alone (an edit whose mtime was put back)', { ctimeNs: ms(NOW - 30_000) }],
    ['device', { dev: 2n }],
  ])('re-reads when the %s changed', (_what, change) => {
    const cache = new StatCache<string>();
    cache.store('/w/tests/a.yaml', stats(), NOW, 'parsed');
    expect(cache.lookup('/w/tests/a.yaml', stats(change))).toBeUndefined();
  });

  it('never trusts a file changed within the racy window before it was read (or after)', () => {
    const cache = new StatCache<string>();
    const recent = stats({ mtimeNs: ms(NOW - RACY_WINDOW_MS + 1), ctimeNs: ms(NOW - 60_000) });
    cache.store('/w/tests/a.yaml', recent, NOW, 'parsed');
    expect(cache.lookup('/w/tests/a.yaml', recent)).toBeUndefined();
    const future = stats({ ctimeNs: ms(NOW + 5_000) });
    cache.store('/w/tests/b.yaml', future, NOW, 'parsed');
    expect(cache.lookup('/w/tests/b.yaml', future)).toBeUndefined();
    const settled = stats({ mtimeNs: ms(NOW - RACY_WINDOW_MS - 1) });
    cache.store('/w/tests/c.yaml', settled, NOW, 'parsed');
    expect(cache.lookup('/w/tests/c.yaml', settled)).toBe('parsed');
  });

  it('forgets vanished files', () => {
    const cache = new StatCache<string>();
    cache.store('/w/tests/a.yaml', stats(), NOW, 'a');
    cache.store('/w/tests/b.yaml', stats(), NOW, 'b');
    cache.retainOnly(new Set(['/w/tests/b.yaml']));
    expect(cache.lookup('/w/tests/a.yaml', stats())).toBeUndefined();
    expect(cache.lookup('/w/tests/b.yaml', stats())).toBe('b');
    cache.forget('/w/tests/b.yaml');
    expect(cache.lookup('/w/tests/b.yaml', stats())).toBeUndefined();
  });
});
