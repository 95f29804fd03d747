/** Running specs: preparing a case, obtaining its answer (stored or fresh), building and recording its run. */
export { prepareCase, type PreparedCase } from './prepare-case.js';
export { obtainAnswer, type AnswerDependencies, type AnswerPolicy, type ObtainedAnswer } from './obtain-answer.js';
export { buildRun, NO_ORIGIN, type RunOrigin } from './build-run.js';
export { isHistoryWriteFailure, recordRun, unsavedRun } from './record-run.js';
export { executeSpec, type ExecuteOptions } from './execute-spec.js';
