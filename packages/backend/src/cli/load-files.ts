import type { SpecFile } from './collect-files.js';
import { UsageError } from './exit-codes.js';
import { loadSpecFile, type LoadedFile } from './load-file.js';

/** Every file that could not be loaded, each with its own message: all are reported, then nothing runs. */
export class FileErrors extends UsageError {
  readonly problems: readonly UsageError[];

  constructor(problems: readonly UsageError[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'FileErrors';
    this.problems = problems;
  }
}

/**
 * Loads every file (see {@link loadSpecFile}).
 * @throws FileErrors listing each file that is unreadable or invalid.
 */
export async function loadSpecFiles(files: readonly SpecFile[]): Promise<LoadedFile[]> {
  const loaded: LoadedFile[] = [];
  const problems: UsageError[] = [];
  for (const file of files) {
    try {
      loaded.push(await loadSpecFile(file));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new FileErrors(problems);
  return loaded;
}
