import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../src/library/template-files.js';
import { TOKEN } from '../helpers/app-fixture.js';
import { copySidecarToTempDir, killSidecars, listeningPort, spawnSidecar } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { testYaml } from './library-fixture.js';

afterEach(async () => {
  await killSidecars();
  await removeTempDirs();
});

describe('the library as built (run `npm run build` first)', () => {
  it('serves the embedded templates and writes to SENTINEL_WORKSPACE, run alone with no package beside it', async () => {
    const file = await copySidecarToTempDir();
    const workspace = join(await makeTempDir('sentinel-repo-'), 'checkout');
    const env = { PORT: '0', SENTINEL_TOKEN: TOKEN, SENTINEL_DATA_DIR: await makeTempDir('sentinel-data-'), SENTINEL_WORKSPACE: workspace, LOG_LEVEL: 'error' };
    const port = await listeningPort(spawnSidecar(file, env));
    const headers = { authorization: `Bearer ${TOKEN}` };
    const templates = (await (await fetch(`http://127.0.0.1:${port}/api/templates`, { headers })).json()) as { templates: { id: string; yaml: string }[] };
    const files = await readTemplateFiles();
    expect(templates.templates.map((template) => [`${template.id}.yaml`, template.yaml])).toEqual(files.map((entry) => [entry.fileName, entry.text]));
    const created = await fetch(`http://127.0.0.1:${port}/api/tests?id=from-the-bundle`, { method: 'POST', headers: { ...headers, 'content-type': 'application/yaml' }, body: testYaml() });
    expect(created.status).toBe(201);
    expect(await readFile(join(workspace, 'tests', 'from-the-bundle.yaml'), 'utf8')).toBe(testYaml());
  });

  it('finds the templates from the built package too (dist/, as npm installs it)', async () => {
    const built = new URL('../../dist/library/template-files.js', import.meta.url);
    const { readTemplateFiles: readBuilt } = (await import(built.href)) as { readTemplateFiles: typeof readTemplateFiles };
    expect(await readBuilt()).toEqual(await readTemplateFiles());
  });
});
