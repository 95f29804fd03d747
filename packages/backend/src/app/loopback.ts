import { isIPv4, isIPv6 } from 'node:net';

const BRACKETED = /^\[([0-9a-f:.]+)\](?::(\d{0,5}))?$/;
const NAMED = /^([a-z0-9.-]+)(?::(\d{0,5}))?$/;

function validPort(port: string | undefined): boolean {
  return port === undefined || port === '' || Number(port) <= 65_535;
}

/**
 * The host name of a Host header value, or undefined when the value is not a well-formed
 * `host[:port]`: `[::1]:80` -> `::1`, `Localhost:3000` -> `localhost`, `[::1]evil.com` -> undefined.
 */
export function hostName(hostHeader: string): string | undefined {
  const value = hostHeader.trim().toLowerCase();
  const bracketed = BRACKETED.exec(value);
  if (bracketed !== null) return isIPv6(bracketed[1] ?? '') && validPort(bracketed[2]) ? bracketed[1] : undefined;
  const named = NAMED.exec(value);
  return named !== null && validPort(named[2]) ? named[1] : undefined;
}

/** Whether a host name or address is loopback: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '::ffff:127.0.0.1') return true;
  return isIPv4(host) && host.startsWith('127.');
}
