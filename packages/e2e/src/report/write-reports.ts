import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { History } from '../history/types.js';
import type { ChaosReport } from './build-report.js';
import { formatHtml } from './html.js';
import { formatJunit } from './junit.js';

/** Paths of the files written by writeReports. */
export interface ReportFiles {
  readonly json: string;
  readonly junit: string;
  readonly html: string;
  readonly history: string;
}

/** Writes report.json, junit.xml, report.html and history.json into `dir`. */
export async function writeReports(dir: string, report: ChaosReport, history: History): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files: ReportFiles = {
    json: join(dir, 'report.json'),
    junit: join(dir, 'junit.xml'),
    html: join(dir, 'report.html'),
    history: join(dir, 'history.json'),
  };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.junit, formatJunit(report));
  await writeFile(files.html, formatHtml(report, history));
  await writeFile(files.history, `${JSON.stringify(history)}\n`);
  return files;
}
