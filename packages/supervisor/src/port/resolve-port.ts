import { SupervisorError } from '../errors.js';
import { findFreePort, isPortFree } from './free-port.js';

/**
 * The port for the next launch. 'auto': keep the previous port if it is still free and the last
 * death was not EADDRINUSE, else a new one. A number: it must be free now (a stale server on it is a
 * SUP_ERR_PORT_IN_USE, never adopted). false: no port.
 */
export async function resolvePort(
  name: string,
  host: string,
  setting: 'auto' | number | false,
  previous: number | undefined,
  previousTaken: boolean,
): Promise<number | undefined> {
  if (setting === false) return undefined;
  if (setting !== 'auto') {
    if (await isPortFree(host, setting)) return setting;
    throw new SupervisorError('SUP_ERR_PORT_IN_USE', name, `port ${setting} on ${host} is taken; stop whatever listens there or use port: 'auto'`);
  }
  if (previous !== undefined && !previousTaken && (await isPortFree(host, previous))) return previous;
  try {
    return await findFreePort(host);
  } catch (cause) {
    throw new SupervisorError('SUP_ERR_NO_FREE_PORT', name, `on ${host}`, { cause });
  }
}
