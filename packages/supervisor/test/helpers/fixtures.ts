import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a fixture file. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** A fresh temporary directory (pid files, counters). */
export function tempDir(prefix = 'sup-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const NODE = process.execPath;
