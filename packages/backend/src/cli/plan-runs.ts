import type { ProviderName } from '../contract/providers.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { PROVIDER_CATALOG } from '../providers/index.js';
import { UsageError } from './exit-codes.js';
import type { LoadedFile } from './load-file.js';

/** The name of the suite run that gathers the spec files given (as opposed to suite files). */
export const SPEC_FILES_SUITE_NAME = 'sentinel run';

/** Where one case of a planned suite run comes from. */
export interface CaseSource {
  /** The file, as shown (relative to the working directory). */
  readonly file: string;
  /** The suite file's suite name, or null for a spec file. */
  readonly suite: string | null;
  /** The case's name in the suite run. */
  readonly name: string;
  readonly provider: ProviderName;
  readonly model: string;
}

/** One suite run to start: a suite file, or every spec file gathered into one suite. */
export interface PlannedRun {
  readonly suite: TestSuite;
  /** One per case, in the suite's order. */
  readonly cases: readonly CaseSource[];
}

function suiteRun(loaded: Extract<LoadedFile, { kind: 'suite' }>): PlannedRun {
  const cases = loaded.cases.map((prepared) => ({
    file: loaded.file.display,
    suite: loaded.suite.name,
    name: prepared.spec.name,
    provider: prepared.request.provider,
    model: prepared.request.model,
  }));
  return { suite: loaded.suite, cases };
}

/**
 * The spec files as one suite (so they share `--concurrency`). A suite needs distinct test names:
 * a name that repeats gets its file's name appended (`greeting (tests/b.yaml)`).
 */
function specsRun(specs: readonly Extract<LoadedFile, { kind: 'spec' }>[]): PlannedRun {
  const counts = new Map<string, number>();
  for (const loaded of specs) counts.set(loaded.spec.name, (counts.get(loaded.spec.name) ?? 0) + 1);
  const tests: TestSpec[] = [];
  const cases: CaseSource[] = [];
  for (const loaded of specs) {
    const name = (counts.get(loaded.spec.name) ?? 0) > 1 ? `${loaded.spec.name} (${loaded.file.display})` : loaded.spec.name;
    const [prepared] = loaded.cases;
    tests.push(name === loaded.spec.name ? loaded.spec : { ...loaded.spec, name });
    cases.push({ file: loaded.file.display, suite: null, name, provider: prepared?.request.provider ?? 'anthropic', model: prepared?.request.model ?? loaded.spec.model });
  }
  return { suite: { name: SPEC_FILES_SUITE_NAME, tests }, cases };
}

/**
 * The suite runs to start, in order: each suite file as its own suite run (its name, version and
 * defaults kept, so its runs compare with earlier ones), then the spec files together as one.
 */
export function planRuns(files: readonly LoadedFile[]): PlannedRun[] {
  const suites = files.filter((loaded): loaded is Extract<LoadedFile, { kind: 'suite' }> => loaded.kind === 'suite').map(suiteRun);
  const specs = files.filter((loaded): loaded is Extract<LoadedFile, { kind: 'spec' }> => loaded.kind === 'spec');
  return specs.length === 0 ? suites : [...suites, specsRun(specs)];
}

/**
 * Refuses to start when a case needs a provider that has no key: every case would end in error,
 * and CI should say so plainly instead.
 * @throws UsageError naming the variable to set and a file that needs it.
 */
export function checkProviderKeys(runs: readonly PlannedRun[], configured: ReadonlySet<ProviderName>): void {
  const cases = runs.flatMap((run) => run.cases);
  for (const provider of Object.keys(PROVIDER_CATALOG) as ProviderName[]) {
    const needing = cases.filter((source) => source.provider === provider);
    const first = needing[0];
    if (first === undefined || configured.has(provider)) continue;
    const files = new Set(needing.map((source) => source.file));
    const others = files.size > 1 ? ` and ${files.size - 1} other file${files.size > 2 ? 's' : ''}` : '';
    const { label, keyVariable, baseUrlVariable } = PROVIDER_CATALOG[provider];
    throw new UsageError(`${keyVariable} is not set: ${first.file}${others} need${files.size > 1 ? '' : 's'} ${label} (model ${first.model}). Set ${keyVariable} (and ${baseUrlVariable} for another endpoint) in the environment.`);
  }
}
