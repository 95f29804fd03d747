import Database from 'better-sqlite3';
import { createWriteStream } from 'node:fs';
import { appendFile, copyFile, readdir, rename, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, DEFAULT_MAX_IMPORT_LINE_BYTES, LEGACY_FILE_NAME, type LegacyImportReport } from '../../src/store/index.js';
import { IMPORT_BATCH_LINES } from '../../src/store/jsonl/import-legacy.js';
import { killSidecars } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { legacyLine, newRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';
import { removeStoreChild, spawnStoreChild } from './helpers/store-child.js';

afterEach(async () => {
  await closeStores();
  await killSidecars();
  await removeTempDirs();
});
afterAll(removeStoreChild);

const MAX_ID = 'ffffffffffffffffffffffff';
const MiB = 1024 * 1024;

/** Writes a line of `bytes` bytes (a JSON-looking run whose output never ends) in 1 MiB pieces, never holding it whole. */
async function appendHugeLine(path: string, bytes: number): Promise<void> {
  const stream = createWriteStream(path, { flags: 'a' });
  stream.write('{"id":"019a9c1f3e2a0009d95b8fb3","output":"');
  const piece = 'x'.repeat(MiB);
  for (let written = 0; written < bytes; written += MiB) {
    if (!stream.write(piece)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end('"}\n', () => resolve());
  });
}

function countRuns(dataDir: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const count = db.prepare('SELECT count(*) FROM runs').pluck().get() as number;
  db.close();
  return count;
}

function report(stats: { legacyImport: unknown }): LegacyImportReport {
  const found = stats.legacyImport as LegacyImportReport;
  expect(found).not.toBeNull();
  expect(found).not.toHaveProperty('error');
  return found;
}

describe('the one-time import of runs.jsonl', () => {
  it('imports a real old history: keeps good runs in order, skips and counts every kind of bad line, keeps the file as a backup', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, LEGACY_FILE_NAME);
    const first = legacyLine();
    await writeFile(path, [
      first,
      legacyLine({ id: '019a9c1f3e2a0001d95b8fb3', name: 'second', success: false }),
      'not json at all',
      '{"id":"bad id"}',
      '',
      first, // the very same line again
      legacyLine({ name: 'same id, other run', output: 'different' }),
      legacyLine({ id: MAX_ID, name: 'planted max id' }),
      legacyLine({ id: 'not-a-run-id', name: 'odd id' }),
    ].join('\n') + '\n');
    await appendHugeLine(path, 150 * MiB);
    await appendFile(path, `${legacyLine({ id: '019a9c1f3e2a0002d95b8fb3', name: 'after the huge line' })}\n{"id":"019a9c1f3e2a0003d95b8fb3","name":"torn mid-wri`);

    const { store, stats } = await openTestStore({ dataDir });
    const imported = report(stats);
    expect(imported).toMatchObject({
      lines: 12, imported: 6, duplicates: 1, reassigned_ids: 2, unparseable: 1, wrong_shape: 1, oversized: 1, torn: 1, resumed_from: 0, source: path,
    });
    expect(imported.peak_line_bytes).toBeLessThanOrEqual(DEFAULT_MAX_IMPORT_LINE_BYTES);
    expect(imported.backup).toMatch(new RegExp(`^${path}\\.imported-.+\\.bak$`));
    expect((await readdir(dataDir)).sort()).toEqual([DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`, 'backend.pid', imported.backup.slice(dataDir.length + 1)].sort());

    const page = await store.listRuns({}, { limit: 50 });
    expect(page.runs.map((run) => run.name)).toEqual(['after the huge line', 'odd id', 'planted max id', 'same id, other run', 'second', 'capital of France']);
    const [afterHuge, odd, planted, sameId, second, original] = page.runs;
    expect(original?.id).toBe('019a9c1f3e2a0000d95b8fb3');
    expect(planted?.id).toBe(MAX_ID);
    expect(sameId?.id).not.toBe('019a9c1f3e2a0000d95b8fb3');
    expect(sameId?.notes[0]).toContain('"019a9c1f3e2a0000d95b8fb3", was malformed or already taken');
    expect(odd?.id).toMatch(/^[0-9a-f]{24}$/);
    expect(afterHuge?.notes[0]).toContain('(line 11)');
    expect(second).toMatchObject({ success: false });
    expect(original).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      response_model: 'claude-sonnet-4-6',
      output: 'The capital of France is Paris.',
      tool_calls: [],
      cost_usd: null,
      latency_ms: 812,
      usage: { input_tokens: 24, output_tokens: 9 },
      spec: { name: 'capital of France', model: 'claude-sonnet-4-6', inputs: {}, assertions: [{ must_contain: 'Paris' }, { regex: '^the capital', flags: 'i' }] },
      request: { provider: 'anthropic', model: 'claude-sonnet-4-6', messages: [], max_tokens: 0 },
      assertions: [{ kind: 'must_contain', expected: 'Paris', actual: null, passed: true }, { kind: 'regex', expected: '/^the capital/i', actual: null, passed: true }],
      test_id: null,
      suite_run_id: null,
      tags: [],
      answer_source: 'provider',
      saved: true,
    });
    expect(original?.notes[0]).toMatch(/^Imported from runs.jsonl \(line 1\) on .*did not record the prompt/);

    // New ids never come from the stored ones, and new runs list first.
    const fresh = await store.insertRun(newRun({ name: 'new' }));
    expect(fresh.id < MAX_ID).toBe(true);
    expect((await store.listRuns({}, { limit: 2 })).runs.map((run) => run.name)).toEqual(['new', 'after the huge line']);
  });

  it('streams a history over 2 GiB (sparse): runs beyond the 2 GiB mark are imported', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, LEGACY_FILE_NAME);
    await writeFile(path, `${legacyLine({ name: 'at the start' })}\n`);
    await truncate(path, 2 * 1024 * MiB + MiB);
    await appendFile(path, `\n${legacyLine({ id: '019a9c1f3e2a0005d95b8fb3', name: 'past 2 GiB' })}\n`);
    const { store, stats } = await openTestStore({ dataDir });
    expect(report(stats)).toMatchObject({ imported: 2, oversized: 1, lines: 3 });
    expect((await store.listRuns({}, { limit: 5 })).runs.map((run) => run.name)).toEqual(['past 2 GiB', 'at the start']);
  });

  it('resumes an import killed midway from its last committed batch, doubling nothing', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, LEGACY_FILE_NAME);
    const total = Math.round(IMPORT_BATCH_LINES * 2.5);
    const lines = Array.from({ length: total }, (_unused, index) => legacyLine({ id: `019a9c1f3e2a${index.toString(16).padStart(4, '0')}d95b8fb3`, name: `run ${index}` }));
    await writeFile(path, `${lines.join('\n')}\n`);
    const child = await spawnStoreChild('import-freeze', dataDir);
    const batch = await child.waitForLine((line) => line.event === 'batch');
    child.child.kill('SIGKILL');
    await child.exited;
    expect(batch.offset).toBeGreaterThan(0);
    expect(countRuns(dataDir)).toBe(batch.imported);
    expect(batch.imported).toBeLessThan(total);

    const { store, stats } = await openTestStore({ dataDir });
    expect(report(stats)).toMatchObject({ resumed_from: batch.offset, imported: total, lines: total, duplicates: 0 });
    await store.close();
    expect(countRuns(dataDir)).toBe(total);
  });

  it('imports nothing twice: the same file put back (a new inode) only counts duplicates', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, LEGACY_FILE_NAME);
    await writeFile(path, `${legacyLine()}\n${legacyLine({ id: '019a9c1f3e2a0001d95b8fb3', name: 'second' })}\n`);
    const first = await openTestStore({ dataDir });
    const backup = report(first.stats).backup;
    await first.store.close();
    await copyFile(backup, path);
    const again = await openTestStore({ dataDir });
    expect(report(again.stats)).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await again.store.listRuns({}, { limit: 5 })).runs).toHaveLength(2);
  });

  it('finishes the rename of a file whose import was recorded as done before a crash', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, LEGACY_FILE_NAME);
    await writeFile(path, `${legacyLine()}\n`);
    const first = await openTestStore({ dataDir });
    const { backup } = report(first.stats);
    await first.store.close();
    // As if the process died between recording the end of the import and renaming the file: the same
    // file (rename keeps its inode, size and mtime), so nothing is read again.
    await rename(backup, path);
    const again = await openTestStore({ dataDir });
    expect(report(again.stats)).toMatchObject({ imported: 1, duplicates: 0, lines: 1 });
    expect((await readdir(dataDir)).filter((name) => name.startsWith(LEGACY_FILE_NAME))).toHaveLength(1);
    expect((await again.store.listRuns({}, { limit: 5 })).runs).toHaveLength(1);
  });
});
