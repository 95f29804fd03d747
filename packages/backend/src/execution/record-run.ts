import { BackendError } from '../app/errors.js';
import type { RunRecord } from '../contract/run.js';
import { createIdGenerator } from '../store/run-id.js';
import type { HistoryStore, NewRun } from '../store/index.js';

const unsavedRunId = createIdGenerator();

/**
 * A run that could not be written (disk full, read-only, I/O error): the user still gets the
 * answer they paid for, marked `saved: false`, with a note saying why.
 */
export function unsavedRun(run: NewRun, error: BackendError): RunRecord {
  const reason = error.details.storage_error ?? error.message;
  const note = `This run could not be saved to the history (${String(reason)}): keep what you need from it now.`;
  return { ...run, id: unsavedRunId(), saved: false, notes: [...run.notes, note] };
}

/** Whether an error means the history could not be written (and only that). */
export function isHistoryWriteFailure(error: unknown): error is BackendError {
  return error instanceof BackendError && error.code === 'HISTORY_WRITE_FAILED';
}

/** Records a run outside any suite run; if the history cannot be written, returns it unsaved. */
export async function recordRun(store: HistoryStore, run: NewRun): Promise<RunRecord> {
  try {
    return await store.insertRun(run);
  } catch (error) {
    if (isHistoryWriteFailure(error)) return unsavedRun(run, error);
    throw error;
  }
}
