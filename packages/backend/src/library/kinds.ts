import type { BackendErrorCode } from '../contract/error-codes.js';
import type { LibraryKind, StoredSuite, StoredTest } from '../contract/library.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import type { LibraryValidator } from './validator.js';

/** What every stored item carries besides its content. */
export interface ItemMeta {
  readonly id: string;
  readonly path: string;
  readonly updated_at: string;
  readonly revision: string;
}

/** How one kind of library item is checked, named and shaped. */
export interface KindRules<TItem extends StoredTest | StoredSuite, TContent> {
  readonly kind: LibraryKind;
  /** The JSON body's key holding the content (`test_spec`, `suite`): the root of field names. */
  readonly bodyKey: string;
  /** Answered for an unknown id. */
  readonly notFound: BackendErrorCode;
  /** True when a parsed document is of this kind's shape (a suite has `tests`). */
  isKind(validator: LibraryValidator, value: unknown): boolean;
  validate(validator: LibraryValidator, value: unknown, field: string): TContent;
  nameOf(content: TContent): string;
  /** Tags a `?tag=` filter matches. */
  tagsOf(content: TContent): readonly string[];
  /** Categories a `?category=` filter matches. */
  categoriesOf(content: TContent): readonly (string | undefined)[];
  makeItem(meta: ItemMeta, content: TContent): TItem;
  contentOf(item: TItem): TContent;
}

export const TEST_RULES: KindRules<StoredTest, TestSpec> = {
  kind: 'test',
  bodyKey: 'test_spec',
  notFound: 'TEST_NOT_FOUND',
  isKind: (validator, value) => !validator.isSuite(value),
  validate: (validator, value, field) => validator.validateTest(value, field),
  nameOf: (spec) => spec.name,
  tagsOf: (spec) => spec.tags ?? [],
  categoriesOf: (spec) => [spec.category],
  makeItem: (meta, spec) => ({ id: meta.id, kind: 'test', path: meta.path, spec, updated_at: meta.updated_at, revision: meta.revision }),
  contentOf: (item) => item.spec,
};

export const SUITE_RULES: KindRules<StoredSuite, TestSuite> = {
  kind: 'suite',
  bodyKey: 'suite',
  notFound: 'SUITE_NOT_FOUND',
  isKind: (validator, value) => validator.isSuite(value),
  validate: (validator, value, field) => validator.validateSuite(value, field),
  nameOf: (suite) => suite.name,
  // A suite has tags of its own and in its defaults; its categories are its tests' (or their default).
  tagsOf: (suite) => [...(suite.tags ?? []), ...(suite.defaults?.tags ?? [])],
  categoriesOf: (suite) => [suite.defaults?.category, ...suite.tests.map((test) => test.category)],
  makeItem: (meta, suite) => ({ id: meta.id, kind: 'suite', path: meta.path, suite, updated_at: meta.updated_at, revision: meta.revision }),
  contentOf: (item) => item.suite,
};
