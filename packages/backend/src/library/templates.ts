import { BackendError } from '../app/errors.js';
import type { Template } from '../contract/library.js';
import { parseDocument } from './document.js';
import { SUITE_RULES, TEST_RULES } from './kinds.js';
import { readTemplateFiles, type TemplateFile } from './template-files.js';
import type { LibraryValidator } from './validator.js';

/** The category a suite template is listed under (suites have no category of their own). */
const SUITE_TEMPLATE_CATEGORY = 'suite';

function templateOf(file: TemplateFile, validator: LibraryValidator): Template {
  const id = file.fileName.replace(/\.yaml$/, '');
  const source = `template ${file.fileName}`;
  try {
    if (validator.isSuite(validator.parseYaml(file.text, source))) {
      const suite = parseDocument(SUITE_RULES, validator, file.text, source);
      const category = suite.defaults?.category ?? SUITE_TEMPLATE_CATEGORY;
      return { id, kind: 'suite', name: suite.name, description: suite.description ?? '', category, yaml: file.text };
    }
    const spec = parseDocument(TEST_RULES, validator, file.text, source);
    return { id, kind: 'test', name: spec.name, description: spec.description ?? '', category: spec.category ?? '', yaml: file.text };
  } catch (error) {
    // A template that does not validate is a bug of this package (a test checks every one).
    throw new BackendError('INTERNAL_ERROR', { message: `Starter ${source} is invalid: ${(error as Error).message}`, cause: error });
  }
}

/** The starter templates shipped with the app, each checked by the validator, in file-name order. */
export async function loadTemplates(validator: LibraryValidator): Promise<Template[]> {
  return (await readTemplateFiles()).map((file) => templateOf(file, validator));
}
