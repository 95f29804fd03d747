import type { ProviderName } from '../contract/providers.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { PROVIDER_CATALOG } from '../providers/index.js';
import type { PreparedSuite } from '../suite-runs/index.js';
import { UsageError } from './exit-codes.js';
import type { LoadedFile } from './load-file.js';

/** The name of the suite run that gathers the spec files given (as opposed to suite files). */
export const SPEC_FILES_SUITE_NAME = 'sentinel run';

/** Where one case of a planned suite run comes from. */
export interface CaseSource {
  /** The file, as shown (relative to the working directory). */
  readonly file: string;
  /** The file's position among the files collected: reports list cases in file order. */
  readonly fileIndex: number;
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
  /** The suite already prepared (a suite file's), for the runner to take instead of preparing it again. */
  readonly prepared?: PreparedSuite;
  /** One per case, in the suite's order. */
  readonly cases: readonly CaseSource[];
}

type SuiteFile = Extract<LoadedFile, { kind: 'suite' }> & { readonly fileIndex: number };
type SpecFile = Extract<LoadedFile, { kind: 'spec' }> & { readonly fileIndex: number };

function suiteRun(loaded: SuiteFile): PlannedRun {
  const cases = loaded.cases.map((prepared) => ({
    file: loaded.file.display,
    fileIndex: loaded.fileIndex,
    suite: loaded.suite.name,
    name: prepared.spec.name,
    provider: prepared.request.provider,
    model: prepared.request.model,
  }));
  return { suite: loaded.suite, prepared: loaded.prepared, cases };
}

/**
 * The spec files as one suite (so they share `--concurrency`). A suite needs distinct test names:
 * a name that repeats gets its file's name appended (`greeting (tests/b.yaml)`).
 */
function specsRun(specs: readonly SpecFile[]): PlannedRun {
  const counts = new Map<string, number>();
  for (const loaded of specs) counts.set(loaded.spec.name, (counts.get(loaded.spec.name) ?? 0) + 1);
  const tests: TestSpec[] = [];
  const cases: CaseSource[] = [];
  for (const loaded of specs) {
    const name = (counts.get(loaded.spec.name) ?? 0) > 1 ? `${loaded.spec.name} (${loaded.file.display})` : loaded.spec.name;
    const [prepared] = loaded.cases;
    tests.push(name === loaded.spec.name ? loaded.spec : { ...loaded.spec, name });
    cases.push({ file: loaded.file.display, fileIndex: loaded.fileIndex, suite: null, name, provider: prepared?.request.provider ?? 'anthropic', model: prepared?.request.model ?? loaded.spec.model });
  }
  return { suite: { name: SPEC_FILES_SUITE_NAME, tests }, cases };
}

/**
 * The suite runs to start, in the order of their first file: each suite file as its own suite run
 * (its name, version and defaults kept, so its runs compare with earlier ones), and the spec files
 * together as one.
 */
export function planRuns(files: readonly LoadedFile[]): PlannedRun[] {
  const indexed = files.map((loaded, fileIndex) => ({ ...loaded, fileIndex }));
  const suites = indexed.filter((loaded): loaded is SuiteFile => loaded.kind === 'suite').map(suiteRun);
  const specs = indexed.filter((loaded): loaded is SpecFile => loaded.kind === 'spec');
  const runs = specs.length === 0 ? suites : [...suites, specsRun(specs)];
  const firstFile = (run: PlannedRun): number => Math.min(...run.cases.map((source) => source.fileIndex));
  return runs.sort((a, b) => firstFile(a) - firstFile(b));
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
    if (needing.length === 0 || configured.has(provider)) continue;
    needing.sort((a, b) => a.fileIndex - b.fileIndex);
    const first = needing[0] as CaseSource;
    const files = new Set(needing.map((source) => source.file));
    const others = files.size > 1 ? ` and ${files.size - 1} other file${files.size > 2 ? 's' : ''}` : '';
    const { label, keyVariable, baseUrlVariable } = PROVIDER_CATALOG[provider];
    throw new UsageError(`${keyVariable} is not set: ${first.file}${others} need${files.size > 1 ? '' : 's'} ${label} (model ${first.model}). Set ${keyVariable} (and ${baseUrlVariable} for another endpoint) in the environment.`);
  }
}
