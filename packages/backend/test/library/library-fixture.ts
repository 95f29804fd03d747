import { join } from 'node:path';
import { createLibrary, specLibraryValidator, type Library, type LibraryValidator } from '../../src/library/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** The validator the library tests run with: the real one, the spec module's. */
export const validator: LibraryValidator = specLibraryValidator;

/** A library over a fresh temp workspace (removed by `removeTempDirs()`). */
export async function openTempLibrary(): Promise<{ library: Library; workspace: string; tests: string; suites: string }> {
  const workspace = await makeTempDir('sentinel-workspace-');
  const library = createLibrary({ workspaceDir: workspace, validator });
  return { library, workspace, tests: join(workspace, 'tests'), suites: join(workspace, 'suites') };
}

/** A small valid test spec as YAML, with a comment. */
export function testYaml(name = 'Capital of France', extra = ''): string {
  return [
    '# kept: a comment the user wrote',
    `name: ${name}`,
    'model: claude-sonnet-4-6',
    'inputs:',
    '  query: What is the capital of France?   # trailing comment',
    'assertions:',
    '  - must_contain: Paris',
    extra,
  ].join('\n');
}

/** The same kind of spec as a JSON value. */
export function testValue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Capital of France', model: 'claude-sonnet-4-6', inputs: { query: 'What is the capital of France?' }, assertions: [{ must_contain: 'Paris' }], ...overrides };
}

/** Runs a promise that must fail with a BackendError; returns its code, message and details. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: Record<string, unknown> };
    return { code, message, details };
  }
  throw new Error('expected a failure');
}
