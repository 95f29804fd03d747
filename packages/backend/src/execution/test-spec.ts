/** The test spec type lives in the contract; re-exported here for the modules that import it from this path. */
export type { TestSpec } from '../contract/spec.js';
