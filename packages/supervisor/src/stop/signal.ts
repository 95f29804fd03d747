/** Sends a signal, ignoring ESRCH (already gone) and EPERM (not ours any more). Returns true if delivered. */
export function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` then SIGCONT, so that a stopped (SIGSTOP) process wakes up to handle it. */
export function sendWithContinue(pid: number, signal: NodeJS.Signals): void {
  sendSignal(pid, signal);
  if (signal !== 'SIGKILL' && signal !== 'SIGCONT') sendSignal(pid, 'SIGCONT');
}
