/**
 * Last resort when the embedding process exits without calling stop() (process.exit(), an uncaught
 * exception): a synchronous 'exit' handler SIGKILLs the process group of every live backend.
 * (A SIGKILLed host runs no handler: exitWithParent and the pid file cover that case.)
 */
const liveGroups = new Set<number>();
let installed = false;

function killAllGroups(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(process.platform === 'win32' ? pgid : -pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Registers a live backend's process group; returns the function that unregisters it. */
export function killOnHostExit(pgid: number): () => void {
  if (!installed) {
    process.on('exit', killAllGroups);
    installed = true;
  }
  liveGroups.add(pgid);
  return () => {
    liveGroups.delete(pgid);
  };
}
