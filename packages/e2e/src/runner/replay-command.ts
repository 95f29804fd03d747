import type { ResolvedChaosOptions } from '../config/chaos-options.js';
import { FAULT_KINDS } from '../schedule/fault-kinds.js';

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A word of a --command line, quoted the way splitCommand reads it back. */
function commandWord(word: string): string {
  if (word !== '' && !/\s|["']/.test(word)) return word;
  return word.includes('"') ? `'${word}'` : `"${word}"`;
}

function allKinds(kinds: readonly string[]): boolean {
  return kinds.length === FAULT_KINDS.length && FAULT_KINDS.every((kind, i) => kinds[i] === kind);
}

/**
 * The sentinel-chaos command line that replays a run: the same seed and every option that shapes it
 * (count or duration, kinds, target, launcher, group). Timings are library-only options (no flag): a
 * run with custom timings is replayed through runChaos with the same `timing`.
 */
export function replayCommand(options: ResolvedChaosOptions): string {
  const parts = ['sentinel-chaos', '--seed', String(options.seed)];
  if (options.durationMs !== undefined) parts.push('--duration', options.durationMs % 1000 === 0 ? `${options.durationMs / 1000}s` : `${options.durationMs}ms`);
  else parts.push('--faults', String(options.faults));
  if (!allKinds(options.kinds)) parts.push('--kinds', options.kinds.join(','));
  if (options.target.kind === 'command') {
    parts.push('--command', quote([options.target.command, ...options.target.args].map(commandWord).join(' ')), '--health', options.target.health);
    if (options.target.cwd !== undefined) parts.push('--cwd', quote(options.target.cwd));
    if (options.target.requireInstanceId === true) parts.push('--require-instance-id');
  } else if (options.target.launcher === false) {
    parts.push('--no-launcher');
  }
  if (options.group) parts.push('--group');
  if (options.target.kind === 'sentinel' && !options.suites) parts.push('--no-suites');
  return parts.join(' ');
}
