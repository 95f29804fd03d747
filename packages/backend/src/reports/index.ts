/**
 * `@sentinel/backend/reports`: report formats other packages share (browser-safe, no Node imports).
 * The JUnit XML writer is the one home of JUnit output: `sentinel run --junit` and the chaos
 * report use it.
 */
export { formatJUnitXml, type JUnitOutcome, type JUnitReport, type JUnitTestCase, type JUnitTestSuite } from './junit-xml.js';
export { escapeXml, xmlSafe } from './xml-text.js';
export { firstProblem, junitOutcome, runProperties, type ReportedCase } from './case-outcome.js';
export { formatSuiteRunJUnit } from './suite-run-junit.js';
