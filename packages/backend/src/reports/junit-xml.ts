import { escapeXml } from './xml-text.js';

/** How one test case ended. */
export type JUnitOutcome =
  | { readonly kind: 'passed' }
  /** An assertion did not hold: `<failure>`. */
  | { readonly kind: 'failure'; readonly message: string; readonly type?: string; readonly details?: string }
  /** The case could not run (an exception, an unreachable service): `<error>`. */
  | { readonly kind: 'error'; readonly message: string; readonly type?: string; readonly details?: string }
  /** The case did not run: `<skipped>`. */
  | { readonly kind: 'skipped'; readonly message?: string };

/** One `<testcase>`. */
export interface JUnitTestCase {
  readonly name: string;
  /** Groups cases in most viewers (often a file or a dotted path). @default the suite's name */
  readonly classname?: string;
  /** Duration in seconds. @default 0 */
  readonly timeSeconds?: number;
  /** The source file, as the `file` attribute (GitHub's and GitLab's viewers link it). @default undefined (no attribute) */
  readonly file?: string;
  readonly outcome: JUnitOutcome;
  /** Name/value pairs, written as `<properties>` inside the case. @default {} */
  readonly properties?: Readonly<Record<string, string>>;
  /** Text for `<system-out>`. @default undefined (no element) */
  readonly systemOut?: string;
}

/** One `<testsuite>`. */
export interface JUnitTestSuite {
  readonly name: string;
  /** ISO 8601 start time. @default undefined (no attribute) */
  readonly timestamp?: string;
  /** Duration in seconds. @default the sum of its cases' times */
  readonly timeSeconds?: number;
  /** The source file. @default undefined (no attribute) */
  readonly file?: string;
  /** @default {} */
  readonly properties?: Readonly<Record<string, string>>;
  readonly cases: readonly JUnitTestCase[];
}

/** A whole report: `<testsuites>`. */
export interface JUnitReport {
  /** @default undefined (no attribute) */
  readonly name?: string;
  /** Duration in seconds. @default the sum of its suites' times */
  readonly timeSeconds?: number;
  readonly suites: readonly JUnitTestSuite[];
}

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

const seconds = (value: number): string => (Number.isFinite(value) && value > 0 ? value.toFixed(3) : '0');

function attributes(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value), 'attribute')}"`)
    .join('');
}

function countsOf(cases: readonly JUnitTestCase[]): Counts {
  const count = (kind: JUnitOutcome['kind']): number => cases.filter((testCase) => testCase.outcome.kind === kind).length;
  return { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
}

function sum(counts: readonly Counts[]): Counts {
  return counts.reduce((total, next) => ({
    tests: total.tests + next.tests,
    failures: total.failures + next.failures,
    errors: total.errors + next.errors,
    skipped: total.skipped + next.skipped,
  }), { tests: 0, failures: 0, errors: 0, skipped: 0 });
}

function propertiesXml(properties: Readonly<Record<string, string>> | undefined, indent: string): string[] {
  const entries = Object.entries(properties ?? {});
  if (entries.length === 0) return [];
  return [`${indent}<properties>`, ...entries.map(([name, value]) => `${indent}  <property${attributes({ name, value })}/>`), `${indent}</properties>`];
}

function outcomeXml(outcome: JUnitOutcome, indent: string): string[] {
  switch (outcome.kind) {
    case 'passed':
      return [];
    case 'skipped':
      return [`${indent}<skipped${attributes({ message: outcome.message })}/>`];
    case 'failure':
    case 'error': {
      const open = `${indent}<${outcome.kind}${attributes({ message: outcome.message, type: outcome.type })}`;
      return [outcome.details === undefined ? `${open}/>` : `${open}>${escapeXml(outcome.details)}</${outcome.kind}>`];
    }
  }
}

function caseXml(testCase: JUnitTestCase, suiteName: string): string[] {
  const open = `    <testcase${attributes({ name: testCase.name, classname: testCase.classname ?? suiteName, time: seconds(testCase.timeSeconds ?? 0), file: testCase.file })}`;
  const inner = [
    ...propertiesXml(testCase.properties, '      '),
    ...outcomeXml(testCase.outcome, '      '),
    ...(testCase.systemOut === undefined ? [] : [`      <system-out>${escapeXml(testCase.systemOut)}</system-out>`]),
  ];
  return inner.length === 0 ? [`${open}/>`] : [`${open}>`, ...inner, '    </testcase>'];
}

const caseSeconds = (cases: readonly JUnitTestCase[]): number => cases.reduce((total, testCase) => total + (testCase.timeSeconds ?? 0), 0);

function suiteXml(suite: JUnitTestSuite, id: number): string[] {
  const counts = countsOf(suite.cases);
  const head = attributes({ name: suite.name, id, ...counts, time: seconds(suite.timeSeconds ?? caseSeconds(suite.cases)), timestamp: suite.timestamp, file: suite.file });
  return [`  <testsuite${head}>`, ...propertiesXml(suite.properties, '    '), ...suite.cases.flatMap((testCase) => caseXml(testCase, suite.name)), '  </testsuite>'];
}

/**
 * A JUnit XML document (the de-facto schema CI services read: Jenkins, GitHub test-report actions,
 * GitLab): counts on `<testsuites>` and each `<testsuite>`, a `<failure>`, `<error>` or `<skipped>`
 * per case as its outcome says, every text escaped and stripped of characters XML cannot hold.
 */
export function formatJUnitXml(report: JUnitReport): string {
  const totals = sum(report.suites.map((suite) => countsOf(suite.cases)));
  const time = report.timeSeconds ?? report.suites.reduce((total, suite) => total + (suite.timeSeconds ?? caseSeconds(suite.cases)), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: report.name, ...totals, time: seconds(time) })}>`,
    ...report.suites.flatMap((suite, index) => suiteXml(suite, index)),
    '</testsuites>',
    '',
  ].join('\n');
}
