/**
 * Assertions: check a spec's assertions before the model is called (`prepareAssertions`), then
 * judge the answer against them (`evaluateAssertions`). docs/assertions.md describes every kind.
 */
export { prepareAssertions } from './prepare.js';
export { evaluateAssertions } from './evaluate.js';
export { ACTUAL_TEXT_LIMIT, LISTED_ITEMS_LIMIT, MATCH_EXCERPT_WORK, MAX_REGEX_PROGRAM_SIZE, MAX_REGEX_WORK, MESSAGE_QUOTE_LIMIT } from './limits.js';
export * from './types.js';
