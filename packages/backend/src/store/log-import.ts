import type { StoreStats } from './open-store.js';

/** The two log methods used (a pino or Fastify logger has them). */
export interface ImportLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Logs what the runs.jsonl import did (its counts), or why it stopped; nothing when there was no file. */
export function logLegacyImport(log: ImportLogger, stats: StoreStats): void {
  const report = stats.legacyImport;
  if (report === null) return;
  if ('error' in report) log.warn({ legacyImport: report }, 'runs.jsonl import stopped: starting without the rest of it; it resumes at the next start');
  else log.info({ legacyImport: report }, `runs.jsonl imported: ${report.imported} runs, ${report.lines - report.imported} other lines (blank, duplicate or bad) skipped; the file is kept as ${report.backup}`);
}
