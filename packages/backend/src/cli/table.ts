import type { CaseResult, RunResults, RunSummary } from './results.js';
import { firstProblem } from '../reports/index.js';
import { casesInFileOrder } from './results.js';

/** Widest cell of each column in the table (longer text is cut with an ellipsis). */
export const COLUMN_WIDTHS = { file: 40, name: 40, model: 32, result: 14, latency: 9, cost: 10, message: 100 } as const;

const LABELS = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', not_run: 'NOT RUN' } as const;

/** Text on one line, at most `width` characters: the start kept, or the end for paths. */
export function fitCell(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= width) return line;
  return keep === 'end' ? `…${line.slice(line.length - width + 1)}` : `${line.slice(0, width - 1)}…`;
}

/** Dollars with enough digits to see a small cost. */
export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined) return '-';
  return cost === 0 ? '$0' : cost >= 0.01 ? `$${cost.toFixed(2)}` : `$${cost.toPrecision(2)}`;
}

function row(result: CaseResult): string[] {
  const where = result.source.suite === null ? result.source.file : `${result.source.file} › ${result.source.suite}`;
  const cached = result.run?.answer_source === 'cache' ? ' (cached)' : '';
  return [
    fitCell(where, COLUMN_WIDTHS.file, 'end'),
    fitCell(result.source.name, COLUMN_WIDTHS.name),
    fitCell(`${result.source.provider}/${result.source.model}`, COLUMN_WIDTHS.model),
    `${LABELS[result.state]}${cached}`,
    result.run === null ? '-' : `${result.run.latency_ms} ms`,
    result.run === null ? '-' : formatCost(result.run.cost_usd),
    fitCell(firstProblem(result), COLUMN_WIDTHS.message),
  ];
}

/** Aligned columns, the last one unpadded. */
function align(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((cells) => cells[column]?.length ?? 0))) ?? [];
  return rows.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd());
}

/** The table: one row per case in file order, then case order (only failed, errored and unrun cases when `onlyProblems`). */
export function formatTable(results: RunResults, onlyProblems: boolean): string {
  const cases = casesInFileOrder(results).filter((result) => !onlyProblems || result.state !== 'passed');
  if (cases.length === 0) return '';
  const header = ['FILE / SUITE', 'CASE', 'PROVIDER/MODEL', 'RESULT', 'LATENCY', 'COST', 'MESSAGE'];
  return `${align([header, ...cases.map(row)]).join('\n')}\n`;
}

/** `3 passed, 1 failed, 0 errors (4 cases) in 1.42 s, cost $0.0031`. */
export function formatSummary(summary: RunSummary): string {
  const parts = [`${summary.passed} passed`, `${summary.failed} failed`, `${summary.errors} error${summary.errors === 1 ? '' : 's'}`];
  if (summary.not_run > 0) parts.push(`${summary.not_run} not run`);
  const cached = summary.cached > 0 ? `, ${summary.cached} from the cache` : '';
  const cost = summary.cost_usd === null ? '' : `, cost ${formatCost(summary.cost_usd)}`;
  const interrupted = summary.interrupted ? ' - interrupted' : '';
  return `${parts.join(', ')} (${summary.total} case${summary.total === 1 ? '' : 's'}${cached}) in ${(summary.duration_ms / 1000).toFixed(2)} s${cost}${interrupted}\n`;
}
