import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConnectionStatus } from '../../../shared/types.js';
import type { WorkspaceBridge, WorkspaceEvent } from '../../../shared/workspace-bridge.js';

/** A short message at the bottom of the window, optionally with one action (Undo). */
export interface Toast {
  readonly message: string;
  readonly tone?: 'info' | 'error' | 'success';
  readonly action?: { readonly label: string; readonly run: () => void | Promise<void> };
}

/** What every view may use. */
export interface AppServices {
  readonly bridge: WorkspaceBridge;
  /** The banner's status, from supervisor events only; undefined before the first one. */
  readonly connection: ConnectionStatus | undefined;
  /** Every event from the host (connection, logs, suite runs). */
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
  notify(toast: Toast): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}

/** True while the backend is down or coming back after a crash (not on first start). */
export function isRecovering(status: ConnectionStatus | undefined): boolean {
  if (!status) return false;
  return status.phase === 'reconnecting' || status.phase === 'unresponsive' || (status.phase === 'starting' && status.afterCrash);
}
