import { MAX_SUITE_CONCURRENCY } from './defaults.js';
import type { SuiteRunnerOptions } from './types.js';

/** Checks an integer within bounds; `fail` makes the error (a TypeError for options, a 400 for requests). */
export function checkCount(value: number, minimum: number, maximum: number, fail: (message: string) => Error): void {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw fail(`must be an integer from ${minimum} to ${maximum}; received ${String(value)}`);
  }
}

const optionError = (name: string) => (message: string) => new TypeError(`createSuiteRunner: option "${name}" ${message}`);

/** Programming mistakes in the runner's options fail at once, naming the option. */
export function checkRunnerOptions(options: SuiteRunnerOptions): void {
  if (typeof options.store?.createSuiteRun !== 'function') throw new TypeError('createSuiteRunner: option "store" must be a HistoryStore');
  if (typeof options.providers?.client !== 'function') throw new TypeError('createSuiteRunner: option "providers" must be a ProviderRegistry');
  const counts: Array<[keyof SuiteRunnerOptions, number, number]> = [
    ['defaultConcurrency', 1, MAX_SUITE_CONCURRENCY],
    ['cacheTtlMs', 1, Number.MAX_SAFE_INTEGER],
    ['caseRetries', 0, 100],
    ['caseRetryWaitMaxMs', 0, 2 ** 31 - 1],
  ];
  for (const [name, minimum, maximum] of counts) {
    const value = options[name];
    if (value !== undefined) checkCount(value as number, minimum, maximum, optionError(name));
  }
  if (options.journalAnswers !== undefined && typeof options.journalAnswers !== 'boolean') {
    throw new TypeError(`createSuiteRunner: option "journalAnswers" must be a boolean; received ${String(options.journalAnswers)}`);
  }
}
