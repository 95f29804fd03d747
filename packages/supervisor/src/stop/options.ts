import { constants as osConstants } from 'node:os';
import { fail, optionObject, positiveMs } from '../options/checks.js';

/** Signal sent to the tree on stop. */
export const DEFAULT_STOP_SIGNAL = 'SIGTERM';
/** Grace before SIGKILL (OTP's shutdown; a desktop quit must not hang for 10 s+). */
export const DEFAULT_STOP_TIMEOUT_MS = 5_000;

/** How the process tree is stopped. */
export interface StopOptions {
  /** Signal sent first (with SIGCONT, so a stopped process can handle it). @default 'SIGTERM' */
  readonly signal?: NodeJS.Signals;
  /** Grace in ms before SIGKILL. @default 5000 */
  readonly timeoutMs?: number;
}

export interface StopConfig {
  readonly signal: NodeJS.Signals;
  readonly timeoutMs: number;
}

/** True when `name` is a signal this OS knows, such as "SIGHUP". */
export function isSignalName(name: unknown): name is NodeJS.Signals {
  return typeof name === 'string' && name.startsWith('SIG') && name in osConstants.signals;
}

export function parseStop(value: unknown): StopConfig {
  const raw = optionObject('stop', value, ['signal', 'timeoutMs']);
  const signal = raw['signal'] ?? DEFAULT_STOP_SIGNAL;
  if (!isSignalName(signal)) fail('stop.signal', 'a signal name such as "SIGTERM"', signal);
  return { signal, timeoutMs: positiveMs('stop.timeoutMs', raw['timeoutMs'], DEFAULT_STOP_TIMEOUT_MS) };
}
