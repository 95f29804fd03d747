import { fstatSync } from 'node:fs';

/** Calls `onGone` once when stdin (a pipe held open by the parent) reaches end-of-file. Returns a disposer. */
export function watchStdinEof(onGone: (why: string) => void): () => void {
  if (!stdinIsPipe()) return () => {};
  const stdin = process.stdin;
  const onEnd = (): void => onGone('stdin closed');
  const drain = (): void => {};
  stdin.on('data', drain);
  stdin.once('end', onEnd);
  stdin.once('close', onEnd);
  stdin.on('error', onEnd);
  stdin.resume();
  unrefStream(stdin);
  return () => {
    stdin.off('data', drain);
    stdin.off('end', onEnd);
    stdin.off('close', onEnd);
    stdin.off('error', onEnd);
    stdin.pause();
  };
}

/**
 * Polls every `intervalMs` whether the parent is gone: on POSIX an orphan is re-parented, so
 * `process.ppid` changes; on Windows the pid of the supervisor stops existing.
 */
export function watchParentPid(parentPid: number | undefined, intervalMs: number, onGone: (why: string) => void): () => void {
  const initialPpid = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== initialPpid) onGone(`re-parented from ${initialPpid} to ${process.ppid}`);
    else if (parentPid !== undefined && !pidExists(parentPid)) onGone(`parent ${parentPid} no longer exists`);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

function unrefStream(stream: NodeJS.ReadStream): void {
  const maybe = stream as unknown as { unref?: () => void };
  maybe.unref?.();
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
