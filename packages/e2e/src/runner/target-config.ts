import { fileURLToPath } from 'node:url';
import type { ChaosTarget } from '../config/chaos-options.js';
import type { ChaosTiming } from '../config/timing.js';
import type { HostSupervisorConfig } from '../host/protocol.js';

/** The package's fixtures folder (tree launcher, Python fixture backend). */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const TREE_LAUNCHER = `${FIXTURES_DIR}tree-launcher.sh`;
export const PYTHON_FIXTURE_APP = `${FIXTURES_DIR}app.py`;

/** Absolute path of @sentinel/backend's one-file sidecar bundle. */
export function sentinelSidecarPath(): string {
  return fileURLToPath(import.meta.resolve('@sentinel/backend/sidecar'));
}

/** Per-run resources the backend's environment points at. */
export interface RunResources {
  readonly token: string;
  readonly dataDir: string;
  readonly runtimeDir: string;
  /** Base URL of the local Anthropic stub (sentinel target only). */
  readonly anthropicUrl?: string;
  /** File the tree launcher prints on SIGUSR1 (the stdout-flood fault). */
  readonly floodFile: string;
}

function checks(path: string, requireInstanceId: boolean, timing: ChaosTiming): Pick<HostSupervisorConfig, 'readiness' | 'health'> {
  return {
    readiness: { http: path, timeoutMs: timing.readinessTimeoutMs, requireInstanceId },
    health: { http: path, intervalMs: timing.healthIntervalMs, timeoutMs: timing.healthTimeoutMs, failureThreshold: timing.healthFailureThreshold, requireInstanceId },
  };
}

function common(timing: ChaosTiming, resources: RunResources): Pick<HostSupervisorConfig, 'port' | 'restart' | 'stop' | 'runtimeDir'> {
  return {
    port: 'auto',
    restart: {
      initialDelayMs: timing.restartInitialDelayMs, factor: timing.restartFactor, maxDelayMs: timing.restartMaxDelayMs,
      jitter: timing.restartJitter, resetAfterMs: timing.restartResetAfterMs, maxRestarts: timing.maxRestarts, windowMs: timing.restartWindowMs,
    },
    stop: { signal: 'SIGTERM', timeoutMs: timing.stopTimeoutMs },
    runtimeDir: resources.runtimeDir,
  };
}

/** The supervisor configuration every host of a run uses. */
export function hostConfigFor(target: ChaosTarget, timing: ChaosTiming, resources: RunResources): HostSupervisorConfig {
  if (target.kind === 'command') {
    return {
      name: 'chaos-target', command: target.command, args: target.args,
      env: { PYTHONUNBUFFERED: '1', SENTINEL_TOKEN: resources.token },
      ...(target.cwd === undefined ? {} : { cwd: target.cwd }),
      ...checks(target.health, target.requireInstanceId ?? false, timing),
      ...common(timing, resources),
    };
  }
  const sidecar = sentinelSidecarPath();
  const launcher = target.launcher ?? true;
  return {
    name: 'sentinel-backend',
    command: launcher ? '/bin/sh' : process.execPath,
    args: launcher ? [TREE_LAUNCHER, process.execPath, sidecar] : [sidecar],
    env: {
      SENTINEL_TOKEN: resources.token,
      SENTINEL_DATA_DIR: resources.dataDir,
      ANTHROPIC_API_KEY: 'sk-ant-chaos-stub-key',
      ANTHROPIC_BASE_URL: resources.anthropicUrl ?? 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
      ...(launcher ? { SENTINEL_CHAOS_FLOOD_FILE: resources.floodFile, SENTINEL_CHAOS_FLOOD_NODE: process.execPath } : {}),
    },
    ...checks('/health', true, timing),
    ...common(timing, resources),
  };
}

/** A short description of the target for reports. */
export function describeTarget(target: ChaosTarget, group = false): string {
  const inGroup = group ? ' as a SupervisorGroup member (after a companion)' : '';
  if (target.kind === 'command') return `${[target.command, ...target.args].join(' ')}${inGroup}`;
  return `@sentinel/backend sidecar${target.launcher ?? true ? ' (via tree launcher)' : ''}${inGroup}`;
}

/** The flood file when the target runs under the tree launcher, else undefined. */
export function floodFileFor(target: ChaosTarget, resources: RunResources): string | undefined {
  return target.kind === 'sentinel' && (target.launcher ?? true) ? resources.floodFile : undefined;
}
