import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** One starter template file: its name (`simple-qa.yaml`) and its text. */
export interface TemplateFile {
  readonly fileName: string;
  readonly text: string;
}

/**
 * The starter templates: every `.yaml` file of the package's `templates/` folder (the one source
 * of truth), in name order. Read from disk here (from `src/` or `dist/`, both two levels below the
 * package); the sidecar bundle replaces this module with one holding the same files' text
 * (scripts/bundle.mjs), since the bundle runs with no package folder beside it.
 */
export async function readTemplateFiles(): Promise<TemplateFile[]> {
  const folder = fileURLToPath(new URL('../../templates/', import.meta.url));
  const names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (fileName) => ({ fileName, text: await readFile(`${folder}${fileName}`, 'utf8') })));
}
