import { documentHandlers } from './document-handlers.js';
import { draftHandlers } from './draft-handlers.js';
import type { BridgeHandlers } from './handlers.js';
import { libraryHandlers } from './library-handlers.js';
import { runHandlers } from './run-handlers.js';
import type { HostServices } from './services.js';
import { settingsHandlers } from './settings-handlers.js';
import { suiteRunHandlers } from './suite-run-handlers.js';

export type { BridgeHandlers } from './handlers.js';
export type { HostServices } from './services.js';

/**
 * Every bridge function of the host, one table. `satisfies BridgeHandlers` makes a missing (or
 * misspelt) function a compile error; the adapters dispatch over this table by name.
 */
export function createBridgeHandlers(services: HostServices): BridgeHandlers {
  return {
    getSnapshot: async () => services.snapshot(),
    retryBackend: async () => services.retry(),
    ...libraryHandlers(services),
    ...documentHandlers(services),
    ...runHandlers(services),
    ...suiteRunHandlers(services),
    ...settingsHandlers(services),
    ...draftHandlers(services),
  } satisfies BridgeHandlers;
}
