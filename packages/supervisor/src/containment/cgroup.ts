import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Prefix of the cgroups this library creates (one per spawn). */
export const CGROUP_PREFIX = 'sentinel-supervisor-';

/**
 * The cgroup v2 directory this process runs in, when the unified hierarchy is mounted and that
 * directory can take a child cgroup (a delegated or root-owned subtree); else undefined.
 */
export function ownCgroupDir(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const path = /^0::(\/.*)$/m.exec(readFileSync('/proc/self/cgroup', 'utf8'))?.[1];
    const mount = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((line) => line.split(' ')).find((f) => f[f.indexOf('-') + 1] === 'cgroup2')?.[4];
    if (path === undefined || mount === undefined) return undefined;
    const dir = join(mount, path);
    return existsSync(join(dir, 'cgroup.procs')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A child cgroup holding one backend tree: every process the backend forks stays in it, even one
 * that double-forks and calls setsid(), so stop() finds it. Linux cgroup v2 only; all calls are
 * synchronous (the backend is moved in the same turn as the fork).
 */
export class CgroupJail {
  readonly path: string;

  private constructor(path: string) {
    this.path = path;
  }

  /** Creates `<own cgroup>/sentinel-supervisor-<label>` and moves `pid` into it; throws when the system refuses. */
  static contain(label: string, pid: number): CgroupJail {
    const parent = ownCgroupDir();
    if (parent === undefined) throw new Error('no cgroup v2 hierarchy with a cgroup.procs for this process');
    const path = join(parent, `${CGROUP_PREFIX}${label}`);
    mkdirSync(path);
    const jail = new CgroupJail(path);
    try {
      writeFileSync(join(path, 'cgroup.procs'), String(pid));
    } catch (error) {
      jail.remove();
      throw error;
    }
    return jail;
  }

  /** The pids in the cgroup now (empty once it is gone). */
  pids(): number[] {
    try {
      return readFileSync(join(this.path, 'cgroup.procs'), 'utf8').split('\n').filter((l) => l !== '').map(Number);
    } catch {
      return [];
    }
  }

  /** SIGKILLs every member at once through cgroup.kill (Linux 5.14+); false where it is missing. */
  killAll(): boolean {
    try {
      writeFileSync(join(this.path, 'cgroup.kill'), '1');
      return true;
    } catch {
      return false;
    }
  }

  /** Removes the (empty) cgroup; harmless when it is gone or still busy. */
  remove(): void {
    try {
      rmdirSync(this.path);
    } catch {
      // still has members (a survivor) or already removed
    }
  }

  /**
   * Removes the cgroup once the kernel counts it empty, waiting up to `timeoutMs` while it is busy.
   * A killed multi-threaded process (any Node backend) shows as a zombie as soon as its main thread
   * has exited, while its other threads may still be leaving the cgroup: until they have, rmdir
   * fails with EBUSY (seen under load). Resolves true when the cgroup is gone.
   */
  async removeWhenEmpty(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (let waitMs = 1; ; waitMs = Math.min(MAX_EMPTY_POLL_MS, waitMs * 2)) {
      try {
        rmdirSync(this.path);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return true;
        if (code !== 'EBUSY' || Date.now() >= deadline) return false;
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Longest pause between two attempts of {@link CgroupJail.removeWhenEmpty}. */
const MAX_EMPTY_POLL_MS = 25;
