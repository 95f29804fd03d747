import type { LogEntry } from '../../shared/types.js';
import { h } from '../dom.js';

function formatLine(entry: LogEntry): string {
  try {
    const parsed = JSON.parse(entry.line) as { msg?: string; level?: number };
    if (typeof parsed.msg === 'string') return parsed.msg;
  } catch {
    // not JSON: show the raw line
  }
  return entry.line;
}

/** The latest backend log lines (stdout and stderr, multiplexed by the supervisor). */
export function logsView(entries: readonly LogEntry[]): HTMLElement {
  const lines = entries.slice(-300).map((entry) =>
    h('div', { class: `log-line ${entry.stream}` },
      h('time', { class: 'muted' }, new Date(entry.time).toLocaleTimeString()),
      h('span', { class: 'log-stream' }, entry.stream),
      h('span', {}, formatLine(entry)),
    ),
  );
  return h('section', { class: 'card', 'aria-labelledby': 'logs-title' },
    h('h1', { id: 'logs-title' }, 'Backend logs'),
    lines.length > 0 ? h('div', { class: 'logs', tabindex: 0 }, ...lines) : h('p', { class: 'muted' }, 'No output yet.'),
  );
}
