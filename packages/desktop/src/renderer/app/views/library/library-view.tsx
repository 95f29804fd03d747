import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryKind } from '@sentinel/backend/contract';
import type { LibraryFilter } from '../../../../shared/workspace-bridge.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { takeSearchRequest, useShortcut } from '../../shell/shortcuts.js';
import { BrokenFiles } from './broken-files.js';
import { DraftList } from './draft-list.js';
import { ImportPanel } from './import-panel.js';
import { LibraryRow, type LibraryItem } from './library-item.js';
import { NewMenu } from './new-menu.js';
import { useLibraryActions } from './use-library-actions.js';

/** Wait after typing in the search box before asking the backend. */
const SEARCH_DELAY_MS = 200;

/** The workspace's tests and suites: search, filter by tag and category, new, import, duplicate, export, delete with undo. */
export function LibraryView({ only }: { only?: LibraryKind }) {
  const { bridge } = useApp();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [category, setCategory] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  useShortcut('search', () => searchBox.current?.focus());
  useEffect(() => {
    if (takeSearchRequest()) searchBox.current?.focus();
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  const filter: LibraryFilter = { ...(query ? { q: query } : {}), ...(tag ? { tag } : {}), ...(category ? { category } : {}) };
  const kinds: readonly LibraryKind[] = only ? [only] : ['test', 'suite'];
  const listing = useLoad(async () => {
    const [tests, suites] = await Promise.all([kinds.includes('test') ? bridge.listTests(filter) : null, kinds.includes('suite') ? bridge.listSuites(filter) : null]);
    return { items: [...(tests?.tests ?? []), ...(suites?.suites ?? [])] as LibraryItem[], broken: [...(tests?.broken ?? []), ...(suites?.broken ?? [])] };
  }, [bridge, query, tag, category, only]);
  const everything = useLoad(async () => {
    const [tests, suites] = await Promise.all([bridge.listTests(), bridge.listSuites()]);
    return [...tests.tests.map((test) => test.spec), ...suites.suites.flatMap((suite) => [suite.suite.defaults ?? {}, ...suite.suite.tests])];
  }, [bridge]);
  const reload = (): void => {
    listing.reload();
    everything.reload();
  };
  const actions = useLibraryActions(reload);
  const specs = everything.state === 'ready' ? everything.value : [];
  const tags = [...new Set(specs.flatMap((spec) => spec.tags ?? []))].sort();
  const categories = [...new Set(specs.flatMap((spec) => (spec.category ? [spec.category] : [])))].sort();
  const filtered = Object.keys(filter).length > 0;

  return (
    <section class="library" aria-labelledby="library-title">
      <div class="view-head">
        <h1 id="library-title">{only === 'suite' ? 'Suites' : 'Library'}</h1>
        <div class="view-actions">
          <ImportPanel imported={reload} />
          <NewMenu kinds={kinds} />
        </div>
      </div>
      <div class="toolbar">
        <input ref={searchBox} id="library-search" type="search" placeholder="Search by name (Ctrl+K)" aria-label="Search by name" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
        <select aria-label="Filter by tag" id="filter-tag" value={tag} onChange={(event) => setTag(event.currentTarget.value)}>
          <option value="">All tags</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by category" id="filter-category" value={category} onChange={(event) => setCategory(event.currentTarget.value)}>
          <option value="">All categories</option>
          {categories.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <DraftList kinds={kinds} />
      {listing.state === 'loading' && <Loading label="Loading the library…" />}
      {listing.state === 'error' && <ErrorState title="The library could not be loaded" error={listing.error} onRetry={reload} />}
      {listing.state === 'ready' && (
        <>
          {listing.value.items.length === 0 ? (
            filtered ? (
              <Empty title="Nothing matches these filters." />
            ) : (
              <Empty title={only === 'suite' ? 'No suites yet.' : 'The library is empty.'}>
                <p class="muted">Start from a template with New…, or import YAML files (drop them here).</p>
              </Empty>
            )
          ) : (
            <ul class="library-list" aria-label="Library items">
              {listing.value.items.map((item) => (
                <LibraryRow key={`${item.kind}:${item.id}`} item={item} actions={actions} />
              ))}
            </ul>
          )}
          <BrokenFiles files={listing.value.broken} />
        </>
      )}
    </section>
  );
}
