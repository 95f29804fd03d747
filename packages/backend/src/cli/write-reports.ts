import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './exit-codes.js';
import { buildJsonReport } from './json-report.js';
import { formatJUnitReport } from './junit-report.js';
import type { RunResults } from './results.js';

/** Writes a file whole or not at all (a temp file beside it, then a rename): CI never reads half a report. */
async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

async function writeReport(option: string, path: string, text: string): Promise<void> {
  try {
    await writeWhole(path, text);
  } catch (error) {
    throw new UsageError(`--${option} ${path}: the report could not be written (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Writes the reports asked for: `--junit` (JUnit XML) and `--json`.
 * @throws UsageError naming the option and the file when one cannot be written.
 */
export async function writeReports(results: RunResults, files: { readonly junitFile?: string; readonly jsonFile?: string }, exitCode: number): Promise<void> {
  if (files.junitFile !== undefined) await writeReport('junit', files.junitFile, formatJUnitReport(results));
  if (files.jsonFile !== undefined) await writeReport('json', files.jsonFile, `${JSON.stringify(buildJsonReport(results, exitCode), null, 2)}\n`);
}
