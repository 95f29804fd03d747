/**
 * Types shared by the host (Node), the Electron preload and the renderer (DOM).
 * Browser-safe: no Node imports, types only.
 */

import type { WorkspaceSettings } from './workspace-types.js';

/** What the banner shows; derived only from supervisor events. */
export type ConnectionStatus =
  | {
      readonly phase: 'starting';
      readonly attempt: number;
      readonly elapsedMs: number;
      readonly timeoutMs: number;
      /** True once the start takes longer than the slow-start threshold: the banner shows progress. */
      readonly slow: boolean;
      /** True when this start follows an unexpected exit (a reconnect, not the first launch). */
      readonly afterCrash: boolean;
    }
  | { readonly phase: 'connected'; readonly reconnected: boolean; readonly startupMs: number }
  | { readonly phase: 'unresponsive'; readonly failures: number; readonly error: string }
  | { readonly phase: 'reconnecting'; readonly attempt: number; readonly delayMs: number; readonly reason: string; readonly lastLines: readonly string[] }
  | { readonly phase: 'failed'; readonly reason: string; readonly restarts: number; readonly lastLines: readonly string[] }
  | { readonly phase: 'stopped' };

export interface LogEntry {
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
  readonly time: number;
  readonly pid: number | undefined;
}

export interface HostSnapshot {
  readonly connection: ConnectionStatus;
  readonly settings: WorkspaceSettings;
  readonly logs: readonly LogEntry[];
  readonly mode: 'electron' | 'browser';
}

export type HostEvent =
  | { readonly type: 'connection'; readonly status: ConnectionStatus }
  | { readonly type: 'settings'; readonly settings: WorkspaceSettings }
  | { readonly type: 'logs'; readonly entries: readonly LogEntry[] };

/** Extra fields of an error, JSON primitives only: `field`, `line`, `column`, `id`, `provider`... */
export type BridgeErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/**
 * An error crossing the bridge (the same body over Electron IPC and browser-mode HTTP): a code the UI
 * can branch on (a backend code such as `VALIDATION_ERROR` passes through unchanged, desktop codes are
 * in shared/error-codes.ts) and a message a person can read.
 */
export interface BridgeErrorBody {
  readonly code: string;
  readonly message: string;
  /** The backend's HTTP status, when the error is the backend's answer (e.g. 400, 404). */
  readonly status?: number;
  /** The fields the error names, e.g. `{ field: 'test_spec.assertions[0].regex' }` or `{ line: 3, column: 5 }`. */
  readonly details?: BridgeErrorDetails;
}

/** IPC channel names (Electron); prefixed so they never clash. */
export const IPC_PREFIX = 'sentinel:';
export const IPC_EVENT_CHANNEL = 'sentinel:event';
