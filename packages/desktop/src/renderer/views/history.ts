import type { RunPage, RunRecord } from '../../shared/types.js';
import { h } from '../dom.js';

function historyRow(run: RunRecord, onSelect: (run: RunRecord) => void): HTMLElement {
  return (
    h('li', {},
      h('button', { type: 'button', class: 'history-item', onclick: () => onSelect(run) },
        h('span', { class: `dot ${run.success ? 'pass' : 'fail'}`, 'aria-label': run.success ? 'passed' : 'failed' }),
        h('span', { class: 'history-name' }, run.name),
        h('span', { class: 'muted' }, run.model),
        h('span', { class: 'muted' }, `${Math.round(run.latency_ms)} ms`),
        h('time', { class: 'muted', datetime: run.started_at }, new Date(run.started_at).toLocaleString()),
      ),
    )
  );
}

/** The run history, newest first; selecting a run shows its result; older pages load on demand. */
export function historyView(page: RunPage, onSelect: (run: RunRecord) => void, loadMore: (cursor: string) => Promise<RunPage>): HTMLElement {
  const list = h('ul', { class: 'history' }, ...page.runs.map((run) => historyRow(run, onSelect)));
  const more = h('div', { class: 'actions' });
  const showMore = (cursor: string | null): void => {
    more.replaceChildren();
    if (!cursor) return;
    const button = h('button', { type: 'button', class: 'button ghost' }, 'Load older runs');
    button.addEventListener('click', () => {
      button.disabled = true;
      loadMore(cursor)
        .then((next) => {
          list.append(...next.runs.map((run) => historyRow(run, onSelect)));
          showMore(next.next_cursor);
        })
        .catch((error: unknown) => more.replaceChildren(h('p', { class: 'form-error' }, error instanceof Error ? error.message : String(error))));
    });
    more.append(button);
  };
  showMore(page.next_cursor);
  return h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h1', { id: 'history-title' }, 'Run history'),
    page.runs.length > 0 ? list : h('p', { class: 'muted' }, 'No runs yet.'),
    more,
  );
}
