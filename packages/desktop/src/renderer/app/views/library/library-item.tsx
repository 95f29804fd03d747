import type { StoredSuite, StoredTest } from '@sentinel/backend/contract';
import { hrefOf } from '../../shell/routes.js';

export type LibraryItem = StoredTest | StoredSuite;

export function itemName(item: LibraryItem): string {
  return item.kind === 'test' ? item.spec.name : item.suite.name;
}

function itemTags(item: LibraryItem): readonly string[] {
  return item.kind === 'test' ? (item.spec.tags ?? []) : (item.suite.tags ?? []);
}

function itemSummary(item: LibraryItem): string {
  if (item.kind === 'suite') return `${item.suite.tests.length} test${item.suite.tests.length === 1 ? '' : 's'}${item.suite.defaults?.model ? ` · ${item.suite.defaults.model}` : ''}`;
  return [item.spec.category, item.spec.model, `${item.spec.assertions.length} assertion${item.spec.assertions.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
}

export interface ItemActions {
  duplicate(item: LibraryItem): void;
  remove(item: LibraryItem): void;
  exportYaml(item: LibraryItem): void;
}

/** One row of the library: open it, run it, duplicate, export, delete. */
export function LibraryRow({ item, actions }: { item: LibraryItem; actions: ItemActions }) {
  const name = itemName(item);
  return (
    <li class="library-item" data-id={item.id} data-kind={item.kind}>
      <a class="library-name" href={hrefOf({ view: 'editor', kind: item.kind, id: item.id, draft: null })}>
        <span class={`kind-badge ${item.kind}`}>{item.kind}</span>
        {name}
      </a>
      <span class="muted">{itemSummary(item)}</span>
      <span class="tags">
        {itemTags(item).map((tag) => (
          <span key={tag} class="tag">
            {tag}
          </span>
        ))}
      </span>
      <span class="row-actions">
        <a class="button ghost" href={hrefOf({ view: 'run', kind: item.kind, id: item.id })} aria-label={`Run ${name}`}>
          Run
        </a>
        <button type="button" class="button ghost" aria-label={`Duplicate ${name}`} onClick={() => actions.duplicate(item)}>
          Duplicate
        </button>
        <button type="button" class="button ghost" aria-label={`Export ${name}`} onClick={() => actions.exportYaml(item)}>
          Export
        </button>
        <button type="button" class="button ghost danger" aria-label={`Delete ${name}`} onClick={() => actions.remove(item)}>
          Delete
        </button>
      </span>
    </li>
  );
}
