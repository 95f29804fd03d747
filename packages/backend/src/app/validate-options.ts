import type { BackendAppOptions } from './create-app.js';

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function fail(option: string, value: unknown, expected: string, secret = false): never {
  const shown = secret ? `a ${typeof value}` : describe(value);
  throw new TypeError(`createBackendApp: option "${option}" must be ${expected}; received ${shown}`);
}

function checkOptionalString(option: string, value: unknown, secret = false): void {
  if (value !== undefined && (typeof value !== 'string' || value.length === 0)) fail(option, value, 'a non-empty string', secret);
}

function checkOptionalCount(option: string, value: unknown, minimum: number): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < minimum)) {
    fail(option, value, `an integer >= ${minimum}`);
  }
}

/** Throws a TypeError naming the option and the value (never a secret's value) for a bad option. */
export function validateAppOptions(options: BackendAppOptions): void {
  if (typeof options.dataDir !== 'string' || options.dataDir.length === 0) fail('dataDir', options.dataDir, 'a directory path');
  checkOptionalString('token', options.token, true);
  checkOptionalString('anthropicApiKey', options.anthropicApiKey, true);
  checkOptionalString('openaiApiKey', options.openaiApiKey, true);
  checkOptionalString('instanceId', options.instanceId);
  checkOptionalString('anthropicBaseUrl', options.anthropicBaseUrl);
  checkOptionalString('openaiBaseUrl', options.openaiBaseUrl);
  checkOptionalString('workspaceDir', options.workspaceDir);
  checkOptionalCount('modelTimeoutMs', options.modelTimeoutMs, 1);
  checkOptionalCount('modelMaxRetries', options.modelMaxRetries, 0);
  checkOptionalCount('bodyLimit', options.bodyLimit, 1);
  checkOptionalCount('suiteDrainTimeoutMs', options.suiteDrainTimeoutMs, 0);
  checkOptionalCount('eventHeartbeatMs', options.eventHeartbeatMs, 1);
  for (const origin of options.allowedOrigins ?? []) {
    if (typeof origin !== 'string' || origin === '*') fail('allowedOrigins', origin, 'exact origin strings (no "*")');
  }
}
