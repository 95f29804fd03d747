import type { StoredSuite, StoredTest } from '../contract/library.js';
import type { KindRules } from './kinds.js';

/** What `GET /api/tests` and `GET /api/suites` narrow the list by; every given filter must match. */
export interface LibraryFilter {
  /** Only items with this tag (case-insensitive, whole tag). @default undefined (any) */
  readonly tag?: string;
  /** Only items of this category (case-insensitive, whole category). @default undefined (any) */
  readonly category?: string;
  /** Only items whose name contains this text (case-insensitive). @default undefined (any) */
  readonly q?: string;
}

const fold = (text: string): string => text.toLocaleLowerCase('en');

/** True when the content passes every filter given. */
export function matchesFilter<TItem extends StoredTest | StoredSuite, TContent>(rules: KindRules<TItem, TContent>, content: TContent, filter: LibraryFilter): boolean {
  const { tag, category, q } = filter;
  if (tag !== undefined && !rules.tagsOf(content).some((candidate) => fold(candidate) === fold(tag))) return false;
  if (category !== undefined && !rules.categoriesOf(content).some((candidate) => candidate !== undefined && fold(candidate) === fold(category))) return false;
  return q === undefined || fold(rules.nameOf(content)).includes(fold(q));
}

/** Order of a listing: by name (case- and accent-insensitive), then by id. */
export function byName<TItem extends StoredTest | StoredSuite, TContent>(rules: KindRules<TItem, TContent>): (a: TItem, b: TItem) => number {
  const name = (item: TItem) => rules.nameOf(rules.contentOf(item));
  return (a, b) => name(a).localeCompare(name(b), 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}
