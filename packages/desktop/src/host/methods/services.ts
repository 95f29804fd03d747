import type { HostSnapshot } from '../../shared/types.js';
import type { WorkspaceSettings } from '../../shared/workspace-types.js';
import type { BackendClientLike } from '../backend-client-contract.js';
import type { DraftStore } from '../draft-store.js';
import type { ProviderKeys } from '../provider-keys.js';
import type { SuiteRunRelay } from '../suite-run-relay.js';
import type { WorkspaceFolder } from '../workspace-folder.js';

/** What the bridge handlers use of the host: the backend client and the host's own state. */
export interface HostServices {
  /** One client for the host's lifetime: it follows the backend across restarts (new port, same token). */
  readonly client: BackendClientLike;
  readonly keys: ProviderKeys;
  readonly workspace: WorkspaceFolder;
  readonly drafts: DraftStore;
  readonly relay: SuiteRunRelay;
  snapshot(): HostSnapshot;
  settings(): WorkspaceSettings;
  /** Start again after the supervisor gave up; a no-op otherwise. */
  retry(): Promise<void>;
  /**
   * Change what the backend's environment is made of (a key, the workspace folder), then restart the
   * backend so it takes effect; one change at a time. Resolves with the new settings once restarted.
   */
  reconfigure(change: () => Promise<void>): Promise<WorkspaceSettings>;
}
