import type { Assertion, AssertionKind, TestSpec } from '../../shared/types.js';
import { h } from '../dom.js';

export const MODELS = ['claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-7'];

const KINDS: ReadonlyArray<{ kind: AssertionKind; label: string; numeric: boolean }> = [
  { kind: 'must_contain', label: 'Must contain', numeric: false },
  { kind: 'must_not_contain', label: 'Must not contain', numeric: false },
  { kind: 'regex', label: 'Matches regex', numeric: false },
  { kind: 'max_latency_ms', label: 'Max latency (ms)', numeric: true },
  { kind: 'min_length', label: 'Min length', numeric: true },
  { kind: 'max_length', label: 'Max length', numeric: true },
];

function assertionRow(index: number, initial?: { kind: AssertionKind; value: string }): HTMLElement {
  const select = h('select', { name: 'assertion-kind', 'aria-label': `Assertion ${index} kind` }, ...KINDS.map(({ kind, label }) => h('option', { value: kind, selected: initial?.kind === kind }, label)));
  const value = h('input', { name: 'assertion-value', 'aria-label': `Assertion ${index} value`, value: initial?.value ?? '', required: true });
  const row = h('div', { class: 'assertion-row' }, select, value);
  row.append(h('button', { type: 'button', class: 'button ghost', 'aria-label': 'Remove assertion', onclick: () => row.remove() }, '×'));
  return row;
}

function readAssertions(list: HTMLElement): Assertion[] {
  return [...list.querySelectorAll('.assertion-row')].map((row) => {
    const kind = (row.querySelector('select') as HTMLSelectElement).value as AssertionKind;
    const raw = (row.querySelector('input') as HTMLInputElement).value;
    const numeric = KINDS.find((entry) => entry.kind === kind)?.numeric ?? false;
    return { [kind]: numeric ? Number(raw) : raw } as Assertion;
  });
}

/** The run form: name, model, query, optional system prompt, assertions. */
export function runForm(onRun: (spec: TestSpec) => Promise<void>): HTMLElement {
  const name = h('input', { id: 'test-name', name: 'name', required: true, value: 'Capital of France' });
  const model = h('select', { id: 'test-model', name: 'model' }, ...MODELS.map((id) => h('option', { value: id }, id)));
  const query = h('textarea', { id: 'test-query', name: 'query', rows: 4, required: true });
  query.value = 'What is the capital of France? Answer in one sentence.';
  const system = h('textarea', { id: 'test-system', name: 'system', rows: 2, placeholder: 'Optional' });
  const list = h('div', { class: 'assertion-list' }, assertionRow(1, { kind: 'must_contain', value: 'Paris' }));
  let count = 1;
  const add = h('button', { type: 'button', class: 'button ghost', onclick: () => list.append(assertionRow(++count)) }, '+ Add assertion');
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'run-button' }, 'Run test');
  const form = h(
    'form',
    { class: 'card run-form', 'aria-labelledby': 'run-title' },
    h('h1', { id: 'run-title' }, 'Run a test'),
    h('div', { class: 'field-row' }, h('div', { class: 'field' }, h('label', { for: 'test-name' }, 'Name'), name), h('div', { class: 'field' }, h('label', { for: 'test-model' }, 'Model'), model)),
    h('div', { class: 'field' }, h('label', { for: 'test-query' }, 'Query'), query),
    h('div', { class: 'field' }, h('label', { for: 'test-system' }, 'System prompt'), system),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Assertions'), list, add),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const spec: TestSpec = {
      name: name.value,
      model: model.value,
      inputs: system.value.trim() ? { query: query.value, system: system.value } : { query: query.value },
      assertions: readAssertions(list),
    };
    submit.disabled = true;
    submit.textContent = 'Running…';
    void onRun(spec).finally(() => {
      submit.disabled = false;
      submit.textContent = 'Run test';
    });
  });
  return form;
}
