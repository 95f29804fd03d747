// The generic JUnit XML writer (src/reports): counts, outcomes, escaping, characters XML cannot hold.
import { describe, expect, it } from 'vitest';
import { escapeXml, formatJUnitXml, type JUnitReport } from '../../src/reports/index.js';
import { parseXml, readJUnit } from './helpers/junit.js';

const REPORT: JUnitReport = {
  name: 'demo',
  suites: [
    {
      name: 'suite <one> & "two"',
      file: 'tests/a.yaml',
      timestamp: '2026-12-01T00:00:00.000Z',
      properties: { seed: '42' },
      cases: [
        { name: 'passes', timeSeconds: 0.25, outcome: { kind: 'passed' } },
        { name: 'fails', classname: 'tests/a.yaml', outcome: { kind: 'failure', message: 'output does not contain "Paris"\nsecond line', type: 'must_contain', details: 'must_contain: output does not contain "Paris" <b>' } },
        { name: 'errors', outcome: { kind: 'error', message: 'UPSTREAM_ERROR: 529 overloaded', type: 'UPSTREAM_ERROR' } },
        { name: 'skipped', outcome: { kind: 'skipped', message: 'not run: interrupted' }, properties: { provider: 'openai' }, systemOut: 'model said: \u0007bell\u0000nul \uD800 lone' },
      ],
    },
    { name: 'empty', cases: [] },
  ],
};

describe('formatJUnitXml', () => {
  it('writes well-formed XML whose counts match its cases, on <testsuites> and each <testsuite>', () => {
    const xml = formatJUnitXml(REPORT);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="demo" tests="4" failures="1" errors="1" skipped="1" time="0.250">')).toBe(true);
    const junit = readJUnit(xml);
    expect(junit.totals).toEqual({ tests: 4, failures: 1, errors: 1, skipped: 1 });
    expect(junit.suites.map((suite) => [suite.name, suite.file, suite.tests, suite.failures, suite.errors])).toEqual([
      ['suite <one> & "two"', 'tests/a.yaml', 4, 1, 1],
      ['empty', null, 0, 0, 0],
    ]);
    expect(junit.suites[0]?.cases).toEqual([
      { name: 'passes', outcome: 'passed', message: null },
      { name: 'fails', outcome: 'failure', message: 'output does not contain "Paris"\nsecond line' },
      { name: 'errors', outcome: 'error', message: 'UPSTREAM_ERROR: 529 overloaded' },
      { name: 'skipped', outcome: 'skipped', message: 'not run: interrupted' },
    ]);
  });

  it('keeps text XML cannot hold out of the document (control characters, lone surrogates): it stays parseable', () => {
    const xml = formatJUnitXml(REPORT);
    expect(xml.includes("\u0000") || xml.includes("\u0007")).toBe(false);
    const document = parseXml(xml);
    const out = document.getElementsByTagName('system-out')[0]?.textContent;
    expect(out).toBe('model said: \uFFFDbell\uFFFDnul \uFFFD lone');
    const failure = document.getElementsByTagName('failure')[0];
    expect(failure?.textContent).toBe('must_contain: output does not contain "Paris" <b>');
  });

  it('escapes markup in content and attributes, and newlines in attributes', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('one\ntwo\tthree', 'attribute')).toBe('one&#10;two&#9;three');
    expect(escapeXml('one\ntwo')).toBe('one\ntwo');
  });
});
