import type { SuiteRun, SuiteRunEvent } from '../contract/suite-run.js';
import type { PlannedRun } from './plan-runs.js';

/** Where progress goes: stderr, so stdout holds only the table and the summary. */
export interface ProgressOutput {
  write(text: string): void;
  /** A terminal: the count is redrawn in place; otherwise only one line per suite run start and end. */
  readonly isTTY: boolean;
}

/** Progress lines on stderr while suite runs go (none with `--quiet`). */
export class Progress {
  readonly #output: ProgressOutput | undefined;
  #counts = { done: 0, passed: 0, failed: 0, errors: 0, total: 0 };
  #startedAt = 0;
  #live = false;

  /** `output` undefined: quiet. */
  constructor(output: ProgressOutput | undefined) {
    this.#output = output;
  }

  suiteStarted(plan: PlannedRun, run: SuiteRun): void {
    this.#counts = { done: 0, passed: 0, failed: 0, errors: 0, total: run.total };
    this.#startedAt = performance.now();
    const files = new Set(plan.cases.map((source) => source.file));
    const from = files.size === 1 ? [...files][0] : `${files.size} files`;
    this.#line(`Running "${plan.suite.name}" (${from}): ${run.total} case${run.total === 1 ? '' : 's'}, ${run.concurrency} at a time per provider${run.cache ? ', response cache on' : ''}\n`);
  }

  event(event: SuiteRunEvent): void {
    if (event.type !== 'progress') return;
    this.#counts = { done: event.done, passed: event.passed, failed: event.failed, errors: event.errors, total: event.total };
    if (this.#output?.isTTY !== true) return;
    this.#output.write(`\r${this.#status()}\u001b[K`);
    this.#live = true;
  }

  suiteEnded(run: SuiteRun | null): void {
    if (run !== null) this.#counts = { done: run.done, passed: run.passed, failed: run.failed, errors: run.errors, total: run.total };
    const seconds = ((performance.now() - this.#startedAt) / 1000).toFixed(2);
    this.#line(`${this.#status()} in ${seconds} s${run?.status === 'cancelled' ? ' (stopped)' : ''}\n`);
  }

  /** A message that must be seen even mid-count (the interrupt notices). */
  notice(text: string): void {
    this.#line(`${text}\n`);
  }

  #status(): string {
    const { done, total, passed, failed, errors } = this.#counts;
    return `  ${done}/${total} done: ${passed} passed, ${failed} failed, ${errors} error${errors === 1 ? '' : 's'}`;
  }

  #line(text: string): void {
    if (this.#output === undefined) return;
    if (this.#live) this.#output.write('\r\u001b[K');
    this.#live = false;
    this.#output.write(text);
  }
}
