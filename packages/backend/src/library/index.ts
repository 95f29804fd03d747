export { createLibrary, type Library, type LibraryOptions } from './library.js';
export type { ItemCollection, LibraryCollection, LibraryListing, ExportedFile } from './collection.js';
export type { LibraryInput } from './document.js';
export type { LibraryFilter } from './filters.js';
export type { LibraryValidator } from './validator.js';
export { DEFAULT_WORKSPACE_FOLDER, KIND_FOLDERS } from './workspace.js';
export { REVISION_PATTERN } from './revision.js';
export { specLibraryValidator } from './spec-validator.js';
