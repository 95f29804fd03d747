import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { waitGone } from './processes.js';

/** The catchable signals a stop or a group kill would send (SIGKILL would simply end the sentinel). */
const WATCHED = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGCONT', 'SIGQUIT'] as const;

export interface SignalSentinel {
  readonly pid: number;
  /** Every signal it received, in order. */
  readonly received: string[];
  /**
   * Sends `signal` to the sentinel alone and resolves once it reported it: proof that it listens,
   * and (the report travels the same pipe) that every signal it got before was reported before.
   */
  probe(signal: (typeof WATCHED)[number]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A bystander process in the host's own process group (spawned without `detached`): it reports
 * every watched signal on stdout. If anything signalled the host's group, it would show here.
 */
export async function startSignalSentinel(): Promise<SignalSentinel> {
  const script = `for (const s of ${JSON.stringify(WATCHED)}) process.on(s, () => console.log(s)); console.log('ready'); setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const received: string[] = [];
  let onLine: ((line: string) => void) | undefined;
  const next = (expected: string): Promise<void> => new Promise((resolve) => (onLine = (line) => line === expected && resolve()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line !== 'ready') received.push(line);
    onLine?.(line);
  });
  await next('ready');
  return {
    pid: child.pid!,
    received,
    probe: async (signal) => {
      const reported = next(signal);
      process.kill(child.pid!, signal);
      await reported;
    },
    stop: async () => {
      child.kill('SIGKILL');
      await waitGone(child.pid!);
    },
  };
}
