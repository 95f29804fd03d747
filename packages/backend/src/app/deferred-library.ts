import { resolve } from 'node:path';
import type { StoredSuite, StoredTest } from '../contract/library.js';
import type { ItemCollection, Library } from '../library/index.js';

/** Loads the library's modules (the workspace files, the yaml package, the spec validator) and opens it. */
async function openLibrary(workspaceDir: string): Promise<Library> {
  const { createLibrary, specLibraryValidator } = await import('../library/index.js');
  return createLibrary({ workspaceDir, validator: specLibraryValidator });
}

/** A collection whose every call waits for the library first. */
function deferredCollection<TItem extends StoredTest | StoredSuite>(collection: () => Promise<ItemCollection<TItem>>): ItemCollection<TItem> {
  return {
    list: async (filter) => (await collection()).list(filter),
    get: async (id) => (await collection()).get(id),
    export: async (id) => (await collection()).export(id),
    create: async (input, id) => (await collection()).create(input, id),
    update: async (id, input, revision) => (await collection()).update(id, input, revision),
    remove: async (id, revision) => (await collection()).remove(id, revision),
  };
}

/**
 * The library ({@link createLibrary} with the spec validator), its modules imported on its first
 * use: a backend that only answers `/health` never loads the yaml package or the spec validator.
 * Every method is the library's own, called once it is open; a failed import is tried again on
 * the next call.
 */
export function deferredLibrary(workspaceDir: string): Library {
  let opened: Promise<Library> | undefined;
  const library = (): Promise<Library> => {
    opened ??= openLibrary(workspaceDir).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    workspaceDir: resolve(workspaceDir),
    tests: deferredCollection(async () => (await library()).tests),
    suites: deferredCollection(async () => (await library()).suites),
    templates: async () => (await library()).templates(),
  };
}
