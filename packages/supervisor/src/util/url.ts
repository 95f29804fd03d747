/** The base URL of a backend on a loopback host (IPv6 literals in brackets). */
export function backendUrl(host: string, port: number | undefined): string | undefined {
  if (port === undefined) return undefined;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}
