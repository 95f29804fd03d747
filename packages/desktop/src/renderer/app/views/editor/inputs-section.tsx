import { getPath, pathToString, type SpecPath } from '../../spec/paths.js';
import { useEditorModel } from './editor-model.js';
import { SelectField, TextArea } from './fields.js';
import { JsonField } from './structured-fields.js';
import { ItemControls, RowError, Section } from './list-controls.js';
import { addTo } from './string-list.js';

const ROLE_OPTIONS = [
  ['user', 'User'],
  ['assistant', 'Assistant'],
  ['system', 'System'],
] as const;

/** The prompt: query, system prompt, earlier turns, context. */
export function InputsSection({ base }: { base: SpecPath }) {
  const model = useEditorModel();
  const inputs = [...base, 'inputs'];
  const messagesPath = [...inputs, 'messages'];
  const messages = getPath(model.value, messagesPath);
  const list = Array.isArray(messages) ? (messages as unknown[]) : [];
  const hasLegacySystem = getPath(model.value, [...inputs, 'system']) !== undefined;
  return (
    <Section title="Inputs" name={`${base.join('.')}inputs`} field={pathToString(inputs)}>
      <TextArea path={[...inputs, 'system_prompt']} label="System prompt" rows={3} placeholder="Optional instructions for the model" />
      {hasLegacySystem && <TextArea path={[...inputs, 'system']} label="System (earlier name of the system prompt)" rows={2} />}
      <div class="messages" data-field={pathToString(messagesPath)}>
        <RowError name={pathToString(messagesPath)} />
        <p class="group-label">Conversation before the query</p>
        {list.map((_, index) => (
          <div class="message-row" key={index} data-field={pathToString([...messagesPath, index])}>
            <SelectField path={[...messagesPath, index, 'role']} label={`Turn ${index + 1} role`} options={ROLE_OPTIONS} />
            <TextArea path={[...messagesPath, index, 'content']} label={`Turn ${index + 1} content`} rows={2} keepEmpty />
            <ItemControls list={messagesPath} index={index} count={list.length} label={`turn ${index + 1}`} />
            <RowError name={pathToString([...messagesPath, index])} />
          </div>
        ))}
        <button type="button" class="button ghost" onClick={() => model.replace((value) => addTo(value, messagesPath, { role: list.length % 2 === 0 ? 'user' : 'assistant', content: '' }))}>
          + Add a turn
        </button>
      </div>
      <TextArea path={[...inputs, 'query']} label="Query" rows={4} placeholder="What is the capital of France?" />
      <JsonField path={[...inputs, 'context']} label="Context (JSON object)" hint="Extra data given to the model with the prompt." rows={3} />
    </Section>
  );
}
