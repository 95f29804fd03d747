import { onExit } from 'signal-exit';

/** A live backend tree to end when the host goes away. */
export interface HostDeathTarget {
  /** The supervisor's stop signal, sent when the host dies of a signal. */
  readonly stopSignal: NodeJS.Signals;
  /** Sends `signal` (with SIGCONT) to the whole tree, synchronously. */
  signalTree(signal: NodeJS.Signals): void;
}

const targets = new Set<HostDeathTarget>();
let unhook: (() => void) | undefined;

/**
 * signal-exit calls this when the host is about to exit: after process.exit() or an uncaught
 * exception (code set, signal null), or about to die of SIGINT/SIGTERM/SIGHUP (and the other fatal
 * signals) while the host has no handler of its own for it. Only synchronous work can run here.
 */
function onHostExit(_code: number | null | undefined, signal: NodeJS.Signals | null): void {
  for (const target of targets) {
    try {
      // Dying of a signal: the backend gets the same chance to clean up as with stop(); an exit in code
      // cannot wait for anything, so the tree is SIGKILLed.
      target.signalTree(signal === null ? 'SIGKILL' : target.stopSignal);
    } catch {
      // the next target must still be signalled
    }
  }
}

/**
 * Registers a live tree; returns the function that unregisters it. The hook is installed (through
 * signal-exit, as execa's `cleanup` does) only while some backend lives: it never changes how the
 * host exits, and a host that handles a signal itself keeps handling it (then nothing is sent).
 */
export function stopOnHostExit(target: HostDeathTarget): () => void {
  targets.add(target);
  unhook ??= onExit(onHostExit);
  return () => {
    targets.delete(target);
    if (targets.size > 0) return;
    unhook?.();
    unhook = undefined;
  };
}
