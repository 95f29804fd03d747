// The benchmark suite: `cases` distinct tests (distinct prompts, so no two share an answer) on one model.
export function benchSuite(cases, name = 'bench suite') {
  return {
    name,
    version: '1',
    defaults: { model: 'claude-sonnet-4-6', assertions: [{ must_contain: 'Stub reply' }] },
    tests: Array.from({ length: cases }, (_, index) => ({ name: `case ${index}`, inputs: { query: `bench question ${index}` } })),
  };
}

/** Milliseconds the cases take with no overhead: each wave of `concurrency` cases takes one stub latency. */
export const idealMs = (cases, latencyMs, concurrency) => (cases * latencyMs) / concurrency;
