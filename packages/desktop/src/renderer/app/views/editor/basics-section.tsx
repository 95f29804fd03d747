import type { SpecPath } from '../../spec/paths.js';
import { SelectField, TextArea, TextField } from './fields.js';
import { TagsField } from './structured-fields.js';
import { Section } from './list-controls.js';

const PROVIDER_OPTIONS = [
  ['anthropic', 'Anthropic'],
  ['openai', 'OpenAI'],
] as const;

/** Name, description, category, tags; model and provider. */
export function BasicsSection({ base, partial, models }: { base: SpecPath; partial: boolean; models: readonly string[] }) {
  const at = (...rest: (string | number)[]): SpecPath => [...base, ...rest];
  return (
    <Section title="Test" name={`${base.join('.')}basics`}>
      <div class="field-row">
        <TextField path={at('name')} label="Name" placeholder={partial ? 'From the suite' : 'Capital of France'} />
        <TextField path={at('category')} label="Category" placeholder="qa" />
      </div>
      <TextArea path={at('description')} label="Description" rows={2} />
      <TagsField path={at('tags')} label="Tags" />
      <div class="field-row">
        <TextField path={at('model')} label="Model" placeholder={partial ? 'From the suite defaults' : 'claude-sonnet-4-6'} hint={models.length > 0 ? `Known: ${models.slice(0, 6).join(', ')}${models.length > 6 ? '…' : ''}` : undefined} />
        <SelectField path={at('provider')} label="Provider" options={PROVIDER_OPTIONS} emptyLabel="From the model name" />
      </div>
    </Section>
  );
}
