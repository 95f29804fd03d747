import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { modifiedIso } from '../../src/library/entries.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { failure, openTempLibrary, testValue, testYaml } from './library-fixture.js';

afterEach(removeTempDirs);

describe('library files', () => {
  it('stores YAML byte for byte (comments kept) and JSON as tidy YAML', async () => {
    const { library, tests } = await openTempLibrary();
    const fromYaml = await library.tests.create({ yaml: testYaml() });
    expect(fromYaml).toMatchObject({ id: 'capital-of-france', kind: 'test', path: 'tests/capital-of-france.yaml' });
    expect(await readFile(join(tests, 'capital-of-france.yaml'), 'utf8')).toBe(testYaml());
    const value = testValue({ name: 'Multi line', inputs: { query: 'line one\nline two\n' } });
    const fromJson = await library.tests.create({ value });
    const text = await readFile(join(tests, `${fromJson.id}.yaml`), 'utf8');
    expect(text).toContain('  query: |\n    line one\n    line two\n');
    expect(parse(text)).toEqual(value);
    expect(fromJson.spec).toEqual(value);
  });

  it('derives unique ids from names, takes explicit ones, and refuses bad or taken ids', async () => {
    const { library } = await openTempLibrary();
    expect((await library.tests.create({ value: testValue({ name: 'Écrire: un Test?' }) })).id).toBe('ecrire-un-test');
    expect((await library.tests.create({ value: testValue({ name: 'Écrire: un Test?' }) })).id).toBe('ecrire-un-test-2');
    expect((await library.tests.create({ value: testValue({ name: '???' }) })).id).toBe('test');
    expect((await library.tests.create({ value: testValue({ name: 'con' }) })).id).toBe('con-test');
    expect((await library.tests.create({ value: testValue() }, 'my.test_1')).id).toBe('my.test_1');
    expect(await failure(library.tests.create({ value: testValue() }, 'my.test_1'))).toMatchObject({ code: 'ALREADY_EXISTS', details: { id: 'my.test_1' } });
    for (const bad of ['../escape', 'a/b', '..', 'Upper', '', '.hidden', 'nul', 'x'.repeat(101)]) {
      expect(await failure(library.tests.create({ value: testValue() }, bad))).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'id' } });
      expect(await failure(library.tests.get(bad))).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'id' } });
    }
  });

  it('gives parallel creates of one name distinct ids and serialises parallel updates of one item', async () => {
    const { library, tests } = await openTempLibrary();
    const created = await Promise.all(Array.from({ length: 8 }, () => library.tests.create({ value: testValue() })));
    expect(new Set(created.map((item) => item.id)).size).toBe(8);
    const versions = Array.from({ length: 20 }, (_, index) => testYaml(`Version ${index}`));
    const updated = await Promise.all(versions.map((yaml) => library.tests.update('capital-of-france', { yaml })));
    expect(updated).toHaveLength(20);
    expect(versions).toContain(await readFile(join(tests, 'capital-of-france.yaml'), 'utf8'));
    expect((await readdir(tests)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('sees files edited, added and deleted outside the app at once, even an edit keeping size and mtime', async () => {
    const { library, tests } = await openTempLibrary();
    await library.tests.create({ yaml: testYaml('Alpha') }, 'one');
    const file = join(tests, 'one.yaml');
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    await utimes(file, old, old);
    expect((await library.tests.get('one')).spec.name).toBe('Alpha');
    expect((await library.tests.get('one')).spec.name).toBe('Alpha');
    await writeFile(file, testYaml('Omega'));
    await utimes(file, old, old);
    expect((await stat(file)).mtimeMs).toBe(old.getTime());
    expect((await library.tests.get('one')).spec.name).toBe('Omega');
    expect((await library.tests.list()).items.map((item) => item.spec.name)).toEqual(['Omega']);
    await writeFile(join(tests, 'two.yaml'), testYaml('Beta'));
    expect((await library.tests.list()).items.map((item) => item.id)).toEqual(['two', 'one']);
    await rm(file);
    expect((await library.tests.list()).items.map((item) => item.id)).toEqual(['two']);
    expect(await failure(library.tests.get('one'))).toMatchObject({ code: 'TEST_NOT_FOUND', details: { id: 'one' } });
  });

  it('lists broken files with the reason and line, never hiding them or failing the list', async () => {
    const { library, tests } = await openTempLibrary();
    await library.tests.create({ yaml: testYaml() }, 'good');
    await writeFile(join(tests, 'bad-yaml.yaml'), 'name: x\nmodel: plain: colon\n');
    await writeFile(join(tests, 'no-name.yaml'), 'model: claude-sonnet-4-6\n');
    await writeFile(join(tests, 'a-suite.yaml'), 'name: S\ntests: []\n');
    await writeFile(join(tests, 'Bad Name.yaml'), testYaml());
    await writeFile(join(tests, 'other.yml'), testYaml());
    await writeFile(join(tests, 'notes.md'), '# not a test');
    await mkdir(join(tests, 'folder.yaml'));
    const { items, broken } = await library.tests.list();
    expect(items.map((item) => item.id)).toEqual(['good']);
    const byId = Object.fromEntries(broken.map((file) => [file.id, file]));
    expect(Object.keys(byId).sort()).toEqual(['Bad Name', 'a-suite', 'bad-yaml', 'folder', 'no-name', 'other']);
    expect(byId['bad-yaml']).toMatchObject({ kind: 'test', path: 'tests/bad-yaml.yaml', error: { code: 'INVALID_YAML', line: 2 } });
    expect(byId['bad-yaml']?.revision).toMatch(/^[0-9a-f]{32}$/);
    expect(byId['no-name']).toMatchObject({ error: { code: 'VALIDATION_ERROR', field: 'name' } });
    expect(byId['a-suite']).toMatchObject({ error: { code: 'VALIDATION_ERROR', field: 'tests' } });
    expect(byId['Bad Name']?.error.message).toContain('tests/bad-name.yaml');
    expect(byId.other?.error.message).toContain('rename it to other.yaml');
    expect(byId.folder).toMatchObject({ error: { code: 'WORKSPACE_READ_FAILED' } });
    expect(await failure(library.tests.get('bad-yaml'))).toMatchObject({ code: 'INVALID_YAML', details: { path: 'tests/bad-yaml.yaml', line: 2 } });
    expect((await library.tests.export('bad-yaml')).bytes.toString()).toBe('name: x\nmodel: plain: colon\n');
  });

  it('never follows a symbolic link out of the workspace, for reads or writes', async () => {
    const { library, tests } = await openTempLibrary();
    const outside = join(await makeTempDir('sentinel-outside-'), 'secret.yaml');
    await writeFile(outside, testYaml('Outside the workspace'));
    await mkdir(tests, { recursive: true });
    await symlink(outside, join(tests, 'linked.yaml'));
    execFileSync('mkfifo', [join(tests, 'pipe.yaml')]);
    const { items, broken } = await library.tests.list();
    expect(items).toEqual([]);
    expect(broken.map((file) => [file.id, file.error.code, file.error.message])).toEqual([
      ['linked', 'WORKSPACE_READ_FAILED', expect.stringContaining('is a symbolic link')],
      ['pipe', 'WORKSPACE_READ_FAILED', expect.stringContaining('is not a regular file')],
    ]);
    expect(await failure(library.tests.get('linked'))).toMatchObject({ code: 'WORKSPACE_READ_FAILED', details: { path: 'tests/linked.yaml' } });
    expect(await failure(library.tests.export('linked'))).toMatchObject({ code: 'WORKSPACE_READ_FAILED' });
    expect(await failure(library.tests.update('linked', { yaml: testYaml('Overwrite') }))).toMatchObject({ code: 'WORKSPACE_WRITE_FAILED' });
    expect(await failure(library.tests.remove('linked'))).toMatchObject({ code: 'WORKSPACE_WRITE_FAILED' });
    expect(await readFile(outside, 'utf8')).toBe(testYaml('Outside the workspace'));
    expect((await lstat(join(tests, 'linked.yaml'))).isSymbolicLink()).toBe(true);
    await rm(tests, { recursive: true });
    await symlink(join(outside, '..'), tests);
    expect(await failure(library.tests.list())).toMatchObject({ code: 'WORKSPACE_READ_FAILED', details: { path: tests } });
    expect(await failure(library.tests.create({ yaml: testYaml() }))).toMatchObject({ code: 'WORKSPACE_READ_FAILED' });
    expect(await readdir(join(outside, '..'))).toEqual(['secret.yaml']);
  });

  it('filters by tag and category and searches names, case-insensitively', async () => {
    const { library } = await openTempLibrary();
    await library.tests.create({ value: testValue({ name: 'Zeta JSON check', tags: ['JSON', 'smoke'], category: 'Structured' }) });
    await library.tests.create({ value: testValue({ name: 'alpha answer', tags: ['smoke'], category: 'qa' }) });
    await library.suites.create({ value: { name: 'Nightly', tags: ['nightly'], defaults: { category: 'qa' }, tests: [testValue({ category: 'code' })] } });
    const names = async (filter: Record<string, string>) => (await library.tests.list(filter)).items.map((item) => item.spec.name);
    expect(await names({})).toEqual(['alpha answer', 'Zeta JSON check']);
    expect(await names({ tag: 'json' })).toEqual(['Zeta JSON check']);
    expect(await names({ tag: 'smoke', category: 'QA' })).toEqual(['alpha answer']);
    expect(await names({ q: 'ANSWER' })).toEqual(['alpha answer']);
    expect(await names({ q: 'nothing' })).toEqual([]);
    expect(await names({ tag: 'smok' })).toEqual([]);
    expect((await library.suites.list({ category: 'code' })).items.map((item) => item.id)).toEqual(['nightly']);
    expect((await library.suites.list({ category: 'qa', tag: 'NIGHTLY' })).items).toHaveLength(1);
    expect((await library.suites.list({ category: 'structured' })).items).toHaveLength(0);
  });

  it('checks revisions on update and delete; without one the last write wins', async () => {
    const { library, tests } = await openTempLibrary();
    const first = await library.tests.create({ yaml: testYaml('First') }, 'item');
    const second = await library.tests.update('item', { yaml: testYaml('Second') }, first.revision);
    expect(second.revision).not.toBe(first.revision);
    expect(await failure(library.tests.update('item', { yaml: testYaml('Stale') }, first.revision))).toMatchObject({
      code: 'REVISION_CONFLICT',
      details: { id: 'item', revision: second.revision },
    });
    await writeFile(join(tests, 'item.yaml'), testYaml('Outside'));
    expect(await failure(library.tests.remove('item', second.revision))).toMatchObject({ code: 'REVISION_CONFLICT' });
    expect((await library.tests.update('item', { yaml: testYaml('Forced') })).spec.name).toBe('Forced');
    const current = await library.tests.get('item');
    const deleted = await library.tests.remove('item', current.revision);
    expect(deleted).toEqual({ id: 'item', kind: 'test', path: 'tests/item.yaml', revision: current.revision, yaml: testYaml('Forced') });
    expect(await failure(library.tests.update('item', { yaml: testYaml() }))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect(await failure(library.tests.remove('item'))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect((await library.tests.create({ yaml: deleted.yaml }, deleted.id)).revision).toBe(deleted.revision);
  });

  it('gives updated_at from nanoseconds, so a save and a later read of one file agree to the millisecond', () => {
    // Node's float mtimeMs rounds 20:23:39.752999999 up to .753; the save and the read must not differ.
    expect(modifiedIso({ mtimeNs: 1_796_156_619_752_999_999n } as BigIntStats)).toBe('2026-12-01T20:23:39.752Z');
  });

  it('removes temp files left by a crashed write once they are stale, and keeps fresh ones', async () => {
    const { library, tests } = await openTempLibrary();
    await library.tests.create({ yaml: testYaml() }, 'kept');
    const stale = join(tests, '.kept.yaml.0123456789ab.tmp');
    const fresh = join(tests, '.kept.yaml.ba9876543210.tmp');
    await writeFile(stale, 'name: half');
    await writeFile(fresh, 'name: half');
    const old = new Date(Date.now() - 120_000);
    await utimes(stale, old, old);
    expect((await library.tests.list()).items.map((item) => item.id)).toEqual(['kept']);
    expect((await readdir(tests)).sort()).toEqual(['.kept.yaml.ba9876543210.tmp', 'kept.yaml']);
  });
});
