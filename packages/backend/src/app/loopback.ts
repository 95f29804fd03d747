import { isIPv4 } from 'node:net';

/** The host name of a Host header value: `[::1]:80` -> `::1`, `Localhost:3000` -> `localhost`. */
export function hostName(hostHeader: string): string {
  const trimmed = hostHeader.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']'));
  const colon = trimmed.lastIndexOf(':');
  return colon === -1 ? trimmed : trimmed.slice(0, colon);
}

/** Whether a host name or address is loopback: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '::ffff:127.0.0.1') return true;
  return isIPv4(host) && host.startsWith('127.');
}
