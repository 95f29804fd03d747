import type { RunRecord } from '../../shared/types.js';
import { h } from '../dom.js';

function kindLabel(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function usageText(result: RunRecord): string {
  const input = result.usage.input_tokens ?? 0;
  const output = result.usage.output_tokens ?? 0;
  return `${input} in · ${output} out`;
}

/** One finished run: verdict, each assertion, the output, latency and token usage. */
export function resultView(result: RunRecord): HTMLElement {
  const passed = result.assertions.filter((a) => a.passed).length;
  return h(
    'section',
    { class: 'card result', 'data-success': String(result.success), 'aria-labelledby': 'result-title' },
    h('div', { class: 'result-head' },
      h('div', {},
        h('h2', { id: 'result-title' }, result.name),
        h('p', { class: 'muted result-sub' }, `${result.model} · ${new Date(result.started_at).toLocaleString()}`),
      ),
      h('span', { class: `verdict ${result.success ? 'pass' : 'fail'}` }, result.success ? 'Passed' : 'Failed'),
    ),
    h('dl', { class: 'metrics' },
      h('div', {}, h('dt', {}, 'Latency'), h('dd', { id: 'result-latency' }, `${Math.round(result.latency_ms)} ms`)),
      h('div', {}, h('dt', {}, 'Tokens'), h('dd', { id: 'result-usage' }, usageText(result))),
      h('div', {}, h('dt', {}, 'Assertions'), h('dd', {}, `${passed} / ${result.assertions.length} passed`)),
    ),
    h('h3', {}, 'Assertions'),
    h('ul', { class: 'assertions' }, ...result.assertions.map((a) =>
      h('li', { class: a.passed ? 'pass' : 'fail' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, a.passed ? '✓' : '✕'),
        h('span', { class: 'assertion-kind' }, kindLabel(a.kind)),
        h('span', { class: 'assertion-message' }, a.message),
      ),
    )),
    h('h3', {}, 'Output'),
    h('pre', { class: 'output', id: 'result-output' }, result.output),
  );
}

/** A run that did not produce a result (interrupted, no key, backend down), said plainly. */
export function runErrorView(message: string, code: string): HTMLElement {
  const title = code === 'RUN_INTERRUPTED' || code === 'DESKTOP_ERR_RUN_INTERRUPTED' || /interrupted/i.test(message) ? 'Run interrupted' : 'The run did not complete';
  return h('section', { class: 'card result error', role: 'alert' }, h('h2', {}, title), h('p', {}, message));
}

/** A failure that is not about a run (history, snapshot), with its own title. */
export function errorView(title: string, message: string): HTMLElement {
  return h('section', { class: 'card result error', role: 'alert' }, h('h2', {}, title), h('p', {}, message));
}

export function emptyResultView(): HTMLElement {
  return h('section', { class: 'card result empty' }, h('h2', {}, 'No result yet'), h('p', { class: 'muted' }, 'Fill in the form and press Run test. The answer, each assertion, latency and token usage appear here.'));
}
