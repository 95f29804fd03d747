import { useEffect, useState } from 'preact/hooks';
import type { StoredTest } from '@sentinel/backend/contract';
import { getPath, isObject, pathToString } from '../../spec/paths.js';
import { useEditorModel } from './editor-model.js';
import { TextArea, TextField } from './fields.js';
import { TagsField } from './structured-fields.js';
import { ItemControls, RowError, Section } from './list-controls.js';
import { SpecForm } from './spec-form.js';
import { addTo } from './string-list.js';

/** A suite: its own fields, the defaults merged into each test, and the tests (composed from the library). */
export function SuiteForm({ libraryTests, models }: { libraryTests: readonly StoredTest[]; models: readonly string[] }) {
  const model = useEditorModel();
  const tests = getPath(model.value, ['tests']);
  const list = Array.isArray(tests) ? (tests as unknown[]) : [];
  const [open, setOpen] = useState<number | null>(null);
  const [pick, setPick] = useState('');
  // An error inside a collapsed test opens it, so the error shows at its field.
  const errorIndex = /^tests\[(\d+)\]/.exec(model.error?.field ?? '')?.[1];
  useEffect(() => {
    if (errorIndex !== undefined) setOpen(Number(errorIndex));
  }, [errorIndex]);
  const add = (): void => {
    const chosen = libraryTests.find((test) => test.id === pick);
    if (!chosen) return;
    model.replace((value) => addTo(value, ['tests'], chosen.spec));
    setPick('');
  };
  return (
    <div class="suite-form">
      <Section title="Suite" name="suite">
        <div class="field-row">
          <TextField path={['name']} label="Suite name" />
          <TextField path={['version']} label="Version" placeholder="1.0" />
        </div>
        <TextArea path={['description']} label="Suite description" rows={2} />
        <TagsField path={['tags']} label="Suite tags" />
      </Section>
      <details class="defaults" open={isObject(getPath(model.value, ['defaults']))}>
        <summary>Defaults for every test (a test's own value wins)</summary>
        <SpecForm base={['defaults']} partial models={models} />
      </details>
      <Section title={`Tests (${list.length})`} name="suite-tests" field="tests">
        {list.length === 0 && <p class="muted">No tests yet: add some from the library.</p>}
        <ol class="suite-tests">
          {list.map((test, index) => {
            const name = isObject(test) && typeof test.name === 'string' ? test.name : `Test ${index + 1}`;
            return (
              <li key={index} data-field={pathToString(['tests', index])}>
                <div class="suite-test-head">
                  <button type="button" class="button ghost" aria-expanded={open === index} onClick={() => setOpen(open === index ? null : index)}>
                    {open === index ? '▾' : '▸'} {name}
                  </button>
                  <ItemControls list={['tests']} index={index} count={list.length} label={`test ${index + 1}`} />
                </div>
                <RowError name={pathToString(['tests', index])} />
                {open === index && <SpecForm base={['tests', index]} partial models={models} />}
              </li>
            );
          })}
        </ol>
        <div class="add-from-library">
          <label for="suite-add-test">Add a test from the library</label>
          <select id="suite-add-test" value={pick} onChange={(event) => setPick(event.currentTarget.value)}>
            <option value="">Choose a test…</option>
            {libraryTests.map((test) => (
              <option key={test.id} value={test.id}>
                {test.spec.name}
              </option>
            ))}
          </select>
          <button type="button" class="button" disabled={pick === ''} onClick={add}>
            Add to suite
          </button>
        </div>
      </Section>
    </div>
  );
}
