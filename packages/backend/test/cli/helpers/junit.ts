import { DOMParser } from '@xmldom/xmldom';

/** Parses XML strictly: any error or warning (the report would not be well-formed) throws. */
export function parseXml(text: string): Document {
  const fail = (message: string): never => {
    throw new Error(`not well-formed XML: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml') as unknown as Document;
}

/** The counts and cases of a JUnit document. */
export interface JUnitSummary {
  readonly totals: Record<'tests' | 'failures' | 'errors' | 'skipped', number>;
  readonly suites: { readonly name: string; readonly file: string | null; readonly tests: number; readonly failures: number; readonly errors: number; readonly cases: { name: string; outcome: string; message: string | null }[] }[];
}

const count = (element: Element, name: string): number => Number(element.getAttribute(name));

/** Reads a JUnit document's counts and each case's outcome (`passed`, `failure`, `error`, `skipped`). */
export function readJUnit(text: string): JUnitSummary {
  const root = parseXml(text).documentElement as Element;
  const suites = Array.from(root.getElementsByTagName('testsuite')).map((suite) => ({
    name: suite.getAttribute('name') ?? '',
    file: suite.hasAttribute('file') ? suite.getAttribute('file') : null,
    tests: count(suite, 'tests'),
    failures: count(suite, 'failures'),
    errors: count(suite, 'errors'),
    cases: Array.from(suite.getElementsByTagName('testcase')).map((testCase) => {
      const outcome = ['failure', 'error', 'skipped'].find((tag) => testCase.getElementsByTagName(tag).length > 0);
      const element = outcome === undefined ? undefined : testCase.getElementsByTagName(outcome)[0];
      return { name: testCase.getAttribute('name') ?? '', outcome: outcome ?? 'passed', message: element?.hasAttribute('message') === true ? element.getAttribute('message') : null };
    }),
  }));
  return { totals: { tests: count(root, 'tests'), failures: count(root, 'failures'), errors: count(root, 'errors'), skipped: count(root, 'skipped') }, suites };
}
