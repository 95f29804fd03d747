import type { ImportedItem, WorkspaceBridge } from '../../../../shared/workspace-bridge.js';
import { toUiError, type UiError } from '../../bridge/ui-error.js';

/** The outcome of importing one file. */
export type ImportOutcome = { readonly file: string; readonly item: ImportedItem } | { readonly file: string; readonly error: UiError };

/** Largest file read for an import (the backend's library file limit). */
const MAX_BYTES = 1024 * 1024;

/** Import YAML files one after another; a bad file names its line and does not stop the others. */
export async function importFiles(bridge: WorkspaceBridge, files: readonly File[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    if (file.size > MAX_BYTES) {
      outcomes.push({ file: file.name, error: { code: 'BODY_TOO_LARGE', message: `${file.name} is larger than 1 MiB`, details: {} } });
      continue;
    }
    try {
      outcomes.push({ file: file.name, item: await bridge.importYaml({ file_name: file.name, yaml: await file.text() }) });
    } catch (error) {
      outcomes.push({ file: file.name, error: toUiError(error) });
    }
  }
  return outcomes;
}

/** `contacts.yaml line 4, column 10: …` */
export function describeImportError(outcome: Extract<ImportOutcome, { error: UiError }>): string {
  const where = outcome.error.line !== undefined ? ` line ${outcome.error.line}${outcome.error.column !== undefined ? `, column ${outcome.error.column}` : ''}` : '';
  const message = outcome.error.message.startsWith(outcome.file) ? outcome.error.message : `${outcome.file}${where}: ${outcome.error.message}`;
  return message;
}
