import { round } from './stats.mjs';

/** The README table for a results.json object. */
export function markdownTable(results) {
  const { date, machine, figures } = results;
  const lines = [
    `Measured ${date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.os}, Node ${machine.node}; load average at the end ${machine.load.join(' / ')}. The load average tells whether anything else was running.`,
    '',
    '| figure | median | baseline (same run) | target | met |',
    '|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const extra = f.ratio === undefined ? '' : ` (ratio ${round(f.ratio)}, ${f.linesLost} lines lost, max RSS ${round(f.maxRssMb, 1)} MB)`;
    const worst = f.worst === undefined ? '' : ` (worst ${round(f.worst, 1)} ms)`;
    lines.push(`| ${f.name} | ${round(f.value)} ${f.unit}${extra}${worst} | ${round(f.baseline)}: ${f.baselineLabel} | ${f.target} | ${f.pass ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}
