import { destination, type DestinationStream } from 'pino';

/**
 * The sidecar's log stream: stdout, written synchronously.
 *
 * Not pino's default (an asynchronous sonic-boom on stdout), because that one is flushed by an
 * exit hook, and sonic-boom 4's `flushSync` retries a failed write forever unless the error is
 * EAGAIN/EBUSY. When the supervisor is gone (the host SIGKILLed), stdout's reader is gone too:
 * a line still being written at `process.exit` met EPIPE in that hook and the backend spun there,
 * a write every 100 ms, instead of exiting (seen with the desktop's host-death test). Written
 * synchronously, a failed write reaches pino at once (it then stops logging on EPIPE) and no exit
 * hook is registered. The supervisor reads stdout continuously, so a write waits only while the
 * pipe is full (another process of the tree flooding the same stdout).
 */
export function sidecarLogStream(): DestinationStream {
  return destination({ fd: 1, sync: true });
}
