import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes `files` (relative path -> text, or a value written as JSON) under `dir`. */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | object>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** A spec file's YAML: one query, `must_contain` assertions. */
export function specYaml(name: string, model: string, query: string, mustContain: string): string {
  return [`name: ${JSON.stringify(name)}`, `model: ${model}`, 'inputs:', `  query: ${JSON.stringify(query)}`, 'assertions:', `  - must_contain: ${JSON.stringify(mustContain)}`, ''].join('\n');
}

/** A suite of `count` cases on one model, every case asserting the stub's reply. */
export function suiteOf(name: string, model: string, count: number): object {
  return {
    name,
    version: '1',
    defaults: { model, assertions: [{ must_contain: 'Stub reply' }] },
    tests: Array.from({ length: count }, (_, index) => ({ name: `case ${index}`, inputs: { query: `question ${index}` } })),
  };
}
