import { readFile } from 'node:fs/promises';

/** A live process's resident set and its peak so far, in MiB, from /proc/<pid>/status (Linux). */
export async function processMemory(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss_mb: field('VmRSS'), peak_rss_mb: field('VmHWM') };
}
