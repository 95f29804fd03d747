import { getPath, isObject, pathToString, type SpecPath } from '../../spec/paths.js';
import { useEditorModel } from './editor-model.js';
import { TextField } from './fields.js';
import { JsonField } from './structured-fields.js';
import { ItemControls, RowError, Section } from './list-controls.js';
import { addTo } from './string-list.js';

/** The tools the model may call: a bare name, or a name with a description and JSON Schema parameters. */
export function ToolsSection({ base }: { base: SpecPath }) {
  const model = useEditorModel();
  const path = [...base, 'tools'];
  const tools = getPath(model.value, path);
  const list = Array.isArray(tools) ? (tools as unknown[]) : [];
  return (
    <Section title="Tools" name={`${base.join('.')}tools`} field={pathToString(path)}>
      {list.length === 0 && <p class="muted">No tools: the model answers in text only.</p>}
      {list.map((tool, index) => {
        const at = [...path, index];
        return (
          <div class="tool-row" key={index} data-field={pathToString(at)}>
            {isObject(tool) ? (
              <>
                <TextField path={[...at, 'name']} label={`Tool ${index + 1} name`} keepEmpty />
                <TextField path={[...at, 'description']} label={`Tool ${index + 1} description`} />
                <JsonField path={[...at, 'parameters']} label={`Tool ${index + 1} parameters (JSON Schema)`} rows={3} />
                {tool.description === undefined && tool.parameters === undefined && (
                  <button type="button" class="button ghost" onClick={() => model.update(at, typeof tool.name === 'string' ? tool.name : '')}>
                    Name only
                  </button>
                )}
              </>
            ) : (
              <>
                <TextField path={at} label={`Tool ${index + 1} name`} keepEmpty />
                <button type="button" class="button ghost" onClick={() => model.update(at, { name: typeof tool === 'string' ? tool : '' })}>
                  Add a description and parameters
                </button>
              </>
            )}
            <ItemControls list={path} index={index} count={list.length} label={`tool ${index + 1}`} />
            {isObject(tool) && <RowError name={pathToString(at)} />}
          </div>
        );
      })}
      <button type="button" class="button ghost" onClick={() => model.replace((value) => addTo(value, path, ''))}>
        + Add a tool
      </button>
    </Section>
  );
}
