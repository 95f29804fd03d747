import type { RunResult } from '../../shared/types.js';
import { h } from '../dom.js';

/** The run history, newest first; selecting a run shows its result. */
export function historyView(runs: readonly RunResult[], onSelect: (run: RunResult) => void): HTMLElement {
  const rows = runs.map((run) =>
    h('li', {},
      h('button', { type: 'button', class: 'history-item', onclick: () => onSelect(run) },
        h('span', { class: `dot ${run.success ? 'pass' : 'fail'}`, 'aria-label': run.success ? 'passed' : 'failed' }),
        h('span', { class: 'history-name' }, run.name),
        h('span', { class: 'muted' }, run.model),
        h('span', { class: 'muted' }, `${Math.round(run.latency_ms)} ms`),
        h('time', { class: 'muted', datetime: run.started_at }, new Date(run.started_at).toLocaleString()),
      ),
    ),
  );
  return h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h1', { id: 'history-title' }, 'Run history'),
    rows.length > 0 ? h('ul', { class: 'history' }, ...rows) : h('p', { class: 'muted' }, 'No runs yet.'),
  );
}
