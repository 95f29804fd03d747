import { fail } from '../options/checks.js';

/** Host the backend is reached on: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
/** The hosts a backend may listen on: loopback only. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

/** 'auto', a fixed port, or no port. */
export type PortSetting = 'auto' | number | false;

export function parsePort(value: unknown): PortSetting {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === false) return false;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65_535) fail('port', "'auto', false or an integer from 1 to 65535", value);
  return value;
}

export function parseHost(value: unknown): string {
  if (value === undefined) return DEFAULT_HOST;
  if (typeof value !== 'string' || !(LOOPBACK_HOSTS as readonly string[]).includes(value)) fail('host', `a loopback host (${LOOPBACK_HOSTS.join(', ')})`, value);
  return value;
}
