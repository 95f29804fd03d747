import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '/index.html': 'text/html; charset=utf-8',
  '/app.js': 'text/javascript; charset=utf-8',
  '/styles.css': 'text/css; charset=utf-8',
};

/** The renderer's files, by URL path. Only these names are served: no directory walking at all. */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  const path = urlPath === '/' ? '/index.html' : urlPath;
  const type = CONTENT_TYPES[path];
  if (!type) return undefined;
  return { body: await readFile(join(rendererDir, path.slice(1))), type };
}
