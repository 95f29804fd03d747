import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { call, closeApps, startLibraryApp } from './app-fixture.js';
import { testValue, testYaml } from './library-fixture.js';

/** Sends bytes as they are over a socket and returns the whole answer. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

afterEach(async () => {
  await closeApps();
  await removeTempDirs();
});

describe('/api/tests', () => {
  it('creates from JSON as tidy YAML, reads, lists and exports it', async () => {
    const { app, workspace } = await startLibraryApp();
    const created = await call(app, 'POST', '/api/tests', { test_spec: testValue({ tags: ['smoke'] }) });
    expect(created.statusCode).toBe(201);
    const { test } = created.json();
    expect(test).toMatchObject({ id: 'capital-of-france', kind: 'test', path: 'tests/capital-of-france.yaml', spec: testValue({ tags: ['smoke'] }) });
    expect(test.revision).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(test.updated_at)).not.toBeNaN();
    const text = await readFile(join(workspace, 'tests', 'capital-of-france.yaml'), 'utf8');
    expect(text.startsWith('name: Capital of France\nmodel: claude-sonnet-4-6\n')).toBe(true);
    expect(parse(text)).toEqual(testValue({ tags: ['smoke'] }));
    expect((await call(app, 'GET', '/api/tests/capital-of-france')).json()).toEqual({ test });
    expect((await call(app, 'GET', '/api/tests')).json()).toEqual({ tests: [test], broken: [] });
    const exported = await call(app, 'GET', '/api/tests/capital-of-france?format=yaml');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="capital-of-france.yaml"');
    expect(exported.headers.etag).toBe(`"${test.revision}"`);
    expect(exported.body).toBe(text);
  });

  it('keeps a YAML body byte for byte, comments included, through create, update and export', async () => {
    const { app, workspace } = await startLibraryApp();
    const created = await call(app, 'POST', '/api/tests?id=commented', testYaml());
    expect(created.statusCode).toBe(201);
    expect(created.json().test).toMatchObject({ id: 'commented', spec: { name: 'Capital of France', inputs: { query: 'What is the capital of France?' } } });
    expect(await readFile(join(workspace, 'tests', 'commented.yaml'), 'utf8')).toBe(testYaml());
    const edited = testYaml('Capital of France, edited', '# a comment added at the end\n');
    const updated = await call(app, 'PUT', `/api/tests/commented?revision=${created.json().test.revision}`, edited);
    expect(updated.statusCode).toBe(200);
    expect(updated.json().test.spec.name).toBe('Capital of France, edited');
    expect((await call(app, 'GET', '/api/tests/commented?format=yaml')).body).toBe(edited);
    const withCharset = await app.inject({
      method: 'POST',
      url: '/api/tests?id=accented',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/yaml; charset=utf-8' },
      payload: Buffer.from(testYaml('Qu’est-ce que « Paris » ?'), 'utf8'),
    });
    expect(withCharset.statusCode).toBe(201);
    for (const type of ['text/yaml', 'application/x-yaml']) {
      const other = await app.inject({ method: 'POST', url: '/api/tests', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, payload: testYaml(type) });
      expect(other.statusCode, type).toBe(201);
      expect(await readFile(join(workspace, other.json().test.path), 'utf8')).toBe(testYaml(type));
    }
    expect(await readFile(join(workspace, 'tests', 'accented.yaml'))).toEqual(Buffer.from(testYaml('Qu’est-ce que « Paris » ?'), 'utf8'));
  });

  it('answers a stale revision with 409 and the current one; without a revision the last write wins', async () => {
    const { app } = await startLibraryApp();
    const first = (await call(app, 'POST', '/api/tests', { id: 'item', test_spec: testValue() })).json().test;
    const second = (await call(app, 'PUT', '/api/tests/item', { test_spec: testValue({ name: 'Second' }), revision: first.revision })).json().test;
    expect(second.spec.name).toBe('Second');
    const stale = await call(app, 'PUT', '/api/tests/item', { test_spec: testValue({ name: 'Stale' }), revision: first.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'REVISION_CONFLICT', id: 'item', revision: second.revision });
    expect((await call(app, 'DELETE', `/api/tests/item?revision=${first.revision}`)).json().error.code).toBe('REVISION_CONFLICT');
    const twice = await call(app, 'PUT', `/api/tests/item?revision=${second.revision}`, { test_spec: testValue(), revision: first.revision });
    expect(twice.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'revision' });
    const forced = await call(app, 'PUT', '/api/tests/item', { test_spec: testValue({ name: 'Forced' }) });
    expect(forced.json().test.spec.name).toBe('Forced');
  });

  it('deletes and answers the YAML, so posting it back undoes the delete', async () => {
    const { app, workspace } = await startLibraryApp();
    const created = (await call(app, 'POST', '/api/tests?id=undo-me', testYaml())).json().test;
    const deleted = await call(app, 'DELETE', '/api/tests/undo-me');
    expect(deleted.json()).toEqual({ deleted: { id: 'undo-me', kind: 'test', path: 'tests/undo-me.yaml', revision: created.revision, yaml: testYaml() } });
    expect(await readdir(join(workspace, 'tests'))).toEqual([]);
    expect((await call(app, 'GET', '/api/tests/undo-me')).json().error).toMatchObject({ code: 'TEST_NOT_FOUND', id: 'undo-me' });
    expect((await call(app, 'DELETE', '/api/tests/undo-me')).statusCode).toBe(404);
    const restored = await call(app, 'POST', `/api/tests?id=${deleted.json().deleted.id}`, deleted.json().deleted.yaml);
    expect(restored.json().test).toMatchObject({ id: 'undo-me', revision: created.revision });
  });

  it('picks up files added, edited and removed outside the app, and lists a broken one with its line', async () => {
    const { app, workspace } = await startLibraryApp();
    await call(app, 'POST', '/api/tests', { test_spec: testValue() });
    const folder = join(workspace, 'tests');
    await writeFile(join(folder, 'by-hand.yaml'), testYaml('Written by hand'));
    expect((await call(app, 'GET', '/api/tests')).json().tests.map((test: { id: string }) => test.id)).toEqual(['capital-of-france', 'by-hand']);
    await writeFile(join(folder, 'by-hand.yaml'), testYaml('Edited by hand'));
    expect((await call(app, 'GET', '/api/tests/by-hand')).json().test.spec.name).toBe('Edited by hand');
    await writeFile(join(folder, 'by-hand.yaml'), 'name: Broken\nmodel: claude-sonnet-4-6\ninputs:\n  query: a: b\n');
    const listed = (await call(app, 'GET', '/api/tests')).json();
    expect(listed.tests.map((test: { id: string }) => test.id)).toEqual(['capital-of-france']);
    expect(listed.broken).toEqual([
      expect.objectContaining({ id: 'by-hand', kind: 'test', path: 'tests/by-hand.yaml', error: expect.objectContaining({ code: 'INVALID_YAML', line: 4 }) }),
    ]);
    const broken = await call(app, 'GET', '/api/tests/by-hand');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'INVALID_YAML', path: 'tests/by-hand.yaml', line: 4 });
    await rm(join(folder, 'by-hand.yaml'));
    expect((await call(app, 'GET', '/api/tests')).json().broken).toEqual([]);
  });

  it('filters by tag and category and searches names', async () => {
    const { app } = await startLibraryApp();
    await call(app, 'POST', '/api/tests', { test_spec: testValue({ name: 'JSON contact', tags: ['json'], category: 'structured' }) });
    await call(app, 'POST', '/api/tests', { test_spec: testValue({ name: 'Capital', tags: ['qa', 'smoke'], category: 'qa' }) });
    const ids = async (query: string) => (await call(app, 'GET', `/api/tests${query}`)).json().tests.map((test: { id: string }) => test.id);
    expect(await ids('')).toEqual(['capital', 'json-contact']);
    expect(await ids('?tag=SMOKE')).toEqual(['capital']);
    expect(await ids('?category=structured')).toEqual(['json-contact']);
    expect(await ids('?q=cont')).toEqual(['json-contact']);
    expect(await ids('?q=cap&tag=json')).toEqual([]);
  });

  it.each([
    ['an unknown query parameter', 'GET', '/api/tests?sort=name', undefined, 'querystring.sort'],
    ['an empty filter', 'GET', '/api/tests?tag=', undefined, 'querystring.tag'],
    ['a bad format', 'GET', '/api/tests/x?format=xml', undefined, 'querystring.format'],
    ['path traversal in the id', 'GET', '/api/tests/..%2F..%2Fetc%2Fpasswd', undefined, 'params.id'],
    ['an upper-case id', 'GET', '/api/tests/Capital', undefined, 'params.id'],
    ['a bad id in the body', 'POST', '/api/tests', { id: '../x', test_spec: testValue() }, 'id'],
    ['a bad id in the query', 'POST', '/api/tests?id=a%2Fb', testYaml(), 'querystring.id'],
    ['a device name as id', 'POST', '/api/tests', { id: 'nul', test_spec: testValue() }, 'id'],
    ['a body without test_spec', 'POST', '/api/tests', { spec: testValue() }, 'test_spec'],
    ['an unknown body field', 'POST', '/api/tests', { test_spec: testValue(), spec: {} }, 'spec'],
    ['a JSON body too large to store as YAML', 'POST', '/api/tests', { test_spec: testValue({ inputs: { query: 'q'.repeat(150_000), system_prompt: 's'.repeat(150_000) } }) }, 'test_spec'],
    ['a bad revision', 'PUT', '/api/tests/x?revision=abc', { test_spec: testValue() }, 'querystring.revision'],
  ])('refuses %s with 400 naming the field', async (_what, method, url, body, field) => {
    const { app } = await startLibraryApp();
    const response = await call(app, method as 'GET', url, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field });
  });

  it('refuses dot-dot ids sent as is on the wire (no client normalising the path)', async () => {
    const { app, dataDir } = await startLibraryApp();
    await writeFile(join(dataDir, 'secret.yaml'), testYaml('Not in the workspace'));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    for (const [method, path] of [['GET', '/api/tests/..'], ['DELETE', '/api/tests/%2e%2e'], ['GET', '/api/tests/..%2F..%2Fsecret'], ['GET', '/api/tests/..%5Csecret']]) {
      const answer = await rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
      expect(answer, `${method} ${path}`).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"field":"params.id"');
    }
    expect(await readFile(join(dataDir, 'secret.yaml'), 'utf8')).toBe(testYaml('Not in the workspace'));
  });

  it('answers ALREADY_EXISTS, TEST_NOT_FOUND, INVALID_YAML and VALIDATION_ERROR with their details', async () => {
    const { app } = await startLibraryApp();
    await call(app, 'POST', '/api/tests', { id: 'taken', test_spec: testValue() });
    expect((await call(app, 'POST', '/api/tests?id=taken', testYaml())).json().error).toMatchObject({ code: 'ALREADY_EXISTS', id: 'taken' });
    expect((await call(app, 'PUT', '/api/tests/missing', { test_spec: testValue() })).json().error).toMatchObject({ code: 'TEST_NOT_FOUND', id: 'missing' });
    const badYaml = await call(app, 'POST', '/api/tests', 'name: x\nmodel: plain: colon\n');
    expect(badYaml.statusCode).toBe(400);
    expect(badYaml.json().error).toMatchObject({ code: 'INVALID_YAML', line: 2 });
    expect(typeof badYaml.json().error.column).toBe('number');
    const unknownJson = await call(app, 'POST', '/api/tests', { test_spec: testValue({ colour: 'red' }) });
    expect(unknownJson.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'test_spec.colour' });
    const unknownYaml = await call(app, 'POST', '/api/tests', testYaml('x', 'colour: red'));
    expect(unknownYaml.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'test_spec.colour' });
    const suite = await call(app, 'POST', '/api/tests', 'name: S\ntests:\n  - name: t\n');
    expect(suite.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'test_spec.tests' });
    expect(suite.json().error.message).toContain('is a suite');
    const proto = await call(app, 'POST', '/api/tests', testYaml('x', '__proto__:\n  polluted: true'));
    expect(proto.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'test_spec.__proto__' });
    const plain = await app.inject({ method: 'POST', url: '/api/tests', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, payload: testYaml() });
    expect(plain.statusCode).toBe(415);
  });

  it('answers WORKSPACE_WRITE_FAILED with the path when the workspace cannot be created', async () => {
    const { app, dataDir } = await startLibraryApp();
    await writeFile(join(dataDir, 'workspace'), 'a file where the folder should be');
    const response = await call(app, 'POST', '/api/tests', { test_spec: testValue() });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toMatchObject({ code: 'WORKSPACE_WRITE_FAILED', path: join(dataDir, 'workspace', 'tests') });
  });

  it('requires the bearer token', async () => {
    const { app } = await startLibraryApp();
    expect((await app.inject({ method: 'GET', url: '/api/tests' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/templates' })).statusCode).toBe(401);
  });
});
