import { BackendError } from '../app/errors.js';

/** A file system failure reading the workspace, naming the path. */
export function readFailed(path: string, error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  return new BackendError('WORKSPACE_READ_FAILED', { message: `Could not read ${path}: ${(error as Error).message}`, details: { path }, cause: error });
}

/** A file system failure writing the workspace, naming the path. */
export function writeFailed(path: string, error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  return new BackendError('WORKSPACE_WRITE_FAILED', { message: `Could not write ${path}: ${(error as Error).message}`, details: { path }, cause: error });
}

/** True for a file system error with this code. */
export function hasCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
