import type { ResolvedChaosOptions } from '../config/chaos-options.js';

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The sentinel-chaos command line that replays a run (same seed, same shape). */
export function replayCommand(options: ResolvedChaosOptions): string {
  const parts = ['sentinel-chaos', '--seed', String(options.seed)];
  if (options.durationMs !== undefined) parts.push('--duration', `${Math.round(options.durationMs / 1000)}s`);
  else parts.push('--faults', String(options.faults));
  if (options.target.kind === 'command') {
    parts.push('--command', quote([options.target.command, ...options.target.args].join(' ')), '--health', options.target.health);
  }
  if (options.group) parts.push('--group');
  return parts.join(' ');
}
