/** One row of the process table. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** Process group id. */
  readonly pgid: number;
  /** One-letter state: R, S, D, T, Z, X... */
  readonly state: string;
  /** Opaque start time: equal values mean the same process (guards against pid reuse). */
  readonly startTime: string;
}

/** Memory and CPU of one process. */
export interface ProcessUsage {
  readonly pid: number;
  /** Resident set size in bytes. */
  readonly rssBytes: number;
  /** User + system CPU time used so far, in ms. */
  readonly cpuMs: number;
}

/** Reads the process table. Two implementations: /proc (Linux) and ps (other POSIX). */
export interface ProcessTable {
  /** Every process visible to this user. */
  list(): Promise<ProcessInfo[]>;
  /** One process, or undefined when it does not exist. */
  get(pid: number): Promise<ProcessInfo | undefined>;
  /** Memory and CPU of the given processes (those gone are left out). */
  usage(pids: readonly number[]): Promise<ProcessUsage[]>;
}

/** True when a process is dead for our purposes: missing, a zombie (Z/X), or a new process on a reused pid. */
export function isGone(info: ProcessInfo | undefined, startTime?: string): boolean {
  if (info === undefined) return true;
  if (info.state === 'Z' || info.state === 'X') return true;
  return startTime !== undefined && info.startTime !== startTime;
}
