import type { SuiteRunCase } from '../contract/suite-run.js';
import type { CaseOutcome, SuiteRunPlan } from '../store/index.js';
import type { EventHub } from './event-hub.js';

/** A run's counts as its cases end, and the events that tell watchers (case started, case finished, progress). */
export class RunProgress {
  readonly #id: string;
  readonly #hub: EventHub;
  readonly #names: readonly string[];
  #passed = 0;
  #failed = 0;
  #errors = 0;

  constructor(id: string, plan: SuiteRunPlan, hub: EventHub) {
    this.#id = id;
    this.#hub = hub;
    this.#names = plan.cases.map((entry) => entry.name);
    for (const entry of plan.cases) this.#count(entry.state);
  }

  /** Cases not ended yet. */
  get left(): number {
    return this.#names.length - this.#passed - this.#failed - this.#errors;
  }

  started(index: number): void {
    this.#hub.emit(this.#id, { type: 'case-started', suite_run_id: this.#id, index, name: this.#names[index] ?? '' });
  }

  ended(outcome: CaseOutcome): void {
    if (!outcome.written) return;
    this.#count(outcome.case.state);
    this.#hub.emit(this.#id, { type: 'case-finished', suite_run_id: this.#id, case: outcome.case, run: outcome.run });
    const total = this.#names.length;
    this.#hub.emit(this.#id, { type: 'progress', suite_run_id: this.#id, total, done: total - this.left, passed: this.#passed, failed: this.#failed, errors: this.#errors });
  }

  #count(state: SuiteRunCase['state']): void {
    if (state === 'passed') this.#passed += 1;
    if (state === 'failed') this.#failed += 1;
    if (state === 'error') this.#errors += 1;
  }
}
