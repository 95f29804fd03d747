import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_FILE_NAME } from '../src/runs/history-file.js';
import { createRunIdGenerator, isRunId } from '../src/runs/run-id.js';
import { RunStore } from '../src/runs/run-store.js';
import type { RunResult } from '../src/runs/types.js';
import { makeTempDir, removeTempDirs } from './helpers/temp-dir.js';

const stores: RunStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close().catch(() => undefined)));
  await removeTempDirs();
});

async function openStore(dir: string): Promise<RunStore> {
  const store = await RunStore.open(dir);
  stores.push(store);
  return store;
}

function run(name: string): Omit<RunResult, 'id'> {
  return {
    name,
    success: true,
    output: `output of ${name} with a newline\nand unicode é`,
    assertions: [],
    latency_ms: 1,
    usage: { input_tokens: 1, output_tokens: 1 },
    model: 'm',
    started_at: new Date(0).toISOString(),
    finished_at: new Date(0).toISOString(),
    stop_reason: 'end_turn',
  };
}

describe('RunStore', () => {
  it('appends one JSON line per run, on disk when append resolves, with sortable ids', async () => {
    const dir = await makeTempDir();
    const store = await openStore(dir);
    const stored = await Promise.all(['a', 'b', 'c'].map((name) => store.append(run(name))));
    const lines = (await readFile(join(dir, HISTORY_FILE_NAME), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as RunResult).name)).toEqual(['a', 'b', 'c']);
    const ids = stored.map((entry) => entry.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('creates the history file readable by its owner only', async () => {
    const dir = await makeTempDir();
    await openStore(dir);
    expect((await stat(join(dir, HISTORY_FILE_NAME))).mode & 0o077).toBe(0);
  });

  it('skips a torn last line (a kill mid-write), cuts it off, and appends cleanly after it', async () => {
    const dir = await makeTempDir();
    const first = await openStore(dir);
    const kept = await first.append(run('kept'));
    await first.close();
    const torn = '{"id":"01a2000000000000ffffffff","name":"torn","outp';
    await appendFile(join(dir, HISTORY_FILE_NAME), torn);
    const reopened = await openStore(dir);
    expect(reopened.stats).toMatchObject({ runs: 1, tornBytes: Buffer.byteLength(torn) });
    const next = await reopened.append(run('next'));
    const page = await reopened.list(10);
    expect(page.runs.map((entry) => entry.id)).toEqual([next.id, kept.id]);
    await reopened.close();
    const again = await openStore(dir);
    expect(again.stats).toMatchObject({ runs: 2, tornBytes: 0, skippedLines: 0 });
  });

  it('skips unreadable complete lines instead of failing', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, HISTORY_FILE_NAME), 'not json\n{"id":"bad id"}\n\n');
    const store = await openStore(dir);
    expect(store.stats).toMatchObject({ runs: 0, skippedLines: 2 });
    const added = await store.append(run('after'));
    expect(await store.get(added.id)).toMatchObject({ name: 'after' });
  });

  it('pages newest first with a cursor and returns undefined for unknown ids', async () => {
    const dir = await makeTempDir();
    const store = await openStore(dir);
    const ids: string[] = [];
    for (const name of ['1', '2', '3', '4', '5']) ids.push((await store.append(run(name))).id);
    const first = await store.list(2);
    expect(first.runs.map((entry) => entry.name)).toEqual(['5', '4']);
    const second = await store.list(2, first.next_cursor ?? undefined);
    expect(second.runs.map((entry) => entry.name)).toEqual(['3', '2']);
    const third = await store.list(2, second.next_cursor ?? undefined);
    expect(third).toMatchObject({ next_cursor: null });
    expect(third.runs.map((entry) => entry.name)).toEqual(['1']);
    expect(await store.get('0000000000000000aaaaaaaa')).toBeUndefined();
    expect(await store.get(ids[2] as string)).toMatchObject({ name: '3' });
  });

  it('keeps its own reads right when another process appends to the same file', async () => {
    const dir = await makeTempDir();
    const mine = await openStore(dir);
    const other = await openStore(dir);
    const first = await mine.append(run('mine-1'));
    await other.append(run('other-1'));
    const second = await mine.append(run('mine-2'));
    expect(await mine.get(second.id)).toMatchObject({ name: 'mine-2' });
    expect((await mine.list(10)).runs.map((entry) => entry.id)).toEqual([second.id, first.id]);
  });

  it('re-indexes when the file no longer matches the index', async () => {
    const dir = await makeTempDir();
    const store = await openStore(dir);
    const kept = await store.append(run('kept'));
    const content = await readFile(join(dir, HISTORY_FILE_NAME), 'utf8');
    await writeFile(join(dir, HISTORY_FILE_NAME), `{"note":"a line another writer put first"}\n${content}`);
    expect(await store.get(kept.id)).toMatchObject({ name: 'kept' });
  });

  it('keeps ids increasing across a reopen even if the clock went back', async () => {
    const dir = await makeTempDir();
    const store = await openStore(dir);
    const before = await store.append(run('before'));
    await store.close();
    const generate = createRunIdGenerator(() => 0);
    const after = generate(before.id);
    expect(after > before.id).toBe(true);
    expect(isRunId(after)).toBe(true);
  });
});
