import type { AssertionKind } from '@sentinel/backend/contract';
import { ASSERTION_KIND_INFO, ASSERTION_KINDS_IN_ORDER, kindOf } from '../../spec/assertion-kinds.js';
import { getPath, pathToString, type SpecPath } from '../../spec/paths.js';
import { useEditorModel } from './editor-model.js';
import { idOf } from './fields.js';
import { FieldError } from '../../components/states.js';
import { AssertionValue } from './assertion-value.js';
import { ItemControls, Section } from './list-controls.js';
import { addTo } from './string-list.js';

/** The checks on the answer: one row per assertion, any kind. */
export function AssertionsSection({ base }: { base: SpecPath }) {
  const model = useEditorModel();
  const path = [...base, 'assertions'];
  const value = getPath(model.value, path);
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  return (
    <Section title="Assertions" name={`${base.join('.')}assertions`} field={pathToString(path)}>
      {list.length === 0 && <p class="muted">No assertions yet: a test needs at least one.</p>}
      {list.map((assertion, index) => {
        const at = [...path, index];
        const name = pathToString(at);
        const kind = kindOf(assertion);
        const label = `Assertion ${index + 1}`;
        const rowError = model.placedAt === name ? model.error?.message : undefined;
        return (
          <div class="assertion-row" key={index} data-field={name} data-kind={kind ?? 'unknown'}>
            <div class="assertion-head">
              <select id={idOf(`${name}-kind`)} aria-label={`${label} kind`} value={kind ?? ''} onChange={(event) => model.update(at, newAssertion(event.currentTarget.value as AssertionKind))}>
                {!kind && <option value="">Unknown kind</option>}
                {ASSERTION_KINDS_IN_ORDER.map((option) => (
                  <option key={option} value={option}>
                    {ASSERTION_KIND_INFO[option].label}
                  </option>
                ))}
              </select>
              <ItemControls list={path} index={index} count={list.length} label={`assertion ${index + 1}`} />
            </div>
            {kind ? <AssertionValue at={at} kind={kind} label={label} /> : <p class="muted">{JSON.stringify(assertion)}</p>}
            {kind && <p class="hint">{ASSERTION_KIND_INFO[kind].hint}</p>}
            <FieldError error={rowError} />
          </div>
        );
      })}
      <button type="button" class="button ghost" onClick={() => model.replace((current) => addTo(current, path, newAssertion('must_contain')))}>
        + Add an assertion
      </button>
    </Section>
  );
}

function newAssertion(kind: AssertionKind): Record<string, unknown> {
  return { [kind]: ASSERTION_KIND_INFO[kind].initial };
}
