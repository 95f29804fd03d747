import type { SuiteRun } from '@sentinel/backend/contract';
import { duration, percent } from '../../components/format.js';

/** The live progress bar: done / total, pass rate, elapsed and remaining time; passed, failed and errored parts. */
export function SuiteProgress({ run, elapsedMs, remainingMs }: { run: SuiteRun; elapsedMs: number; remainingMs: number | null }) {
  const total = Math.max(run.total, 1);
  const part = (count: number): string => String((count / total) * 100);
  const passedWidth = (run.passed / total) * 100;
  const failedWidth = (run.failed / total) * 100;
  return (
    <div class="suite-progress" data-done={run.done} data-total={run.total} data-status={run.status}>
      <div class="progress-figures">
        <span id="progress-count">
          {run.done} / {run.total} done
        </span>
        <span id="progress-pass-rate">Pass rate {run.done > 0 ? percent(run.passed / run.done) : '–'}</span>
        <span id="progress-elapsed">Elapsed {duration(elapsedMs)}</span>
        <span id="progress-remaining">{run.status === 'running' ? (remainingMs === null ? 'Estimating the time left…' : `About ${duration(remainingMs)} left`) : run.status === 'cancelled' ? 'Cancelled' : 'Finished'}</span>
      </div>
      <svg class="progress-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="progressbar" aria-label="Suite progress" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done}>
        <rect class="track" x="0" y="0" width="100" height="6" />
        <rect class="passed" x="0" y="0" width={part(run.passed)} height="6" />
        <rect class="failed" x={String(passedWidth)} y="0" width={part(run.failed)} height="6" />
        <rect class="errored" x={String(passedWidth + failedWidth)} y="0" width={part(run.errors)} height="6" />
      </svg>
      <p class="progress-legend muted">
        {run.passed} passed · {run.failed} failed · {run.errors} errors
      </p>
    </div>
  );
}
