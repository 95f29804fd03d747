import { getPath, isObject, pathToString, type SpecPath } from '../../spec/paths.js';
import { useEditorModel } from './editor-model.js';
import { NumberField, TextField } from './fields.js';
import { JsonField } from './structured-fields.js';
import { Section } from './list-controls.js';
import { StringList } from './string-list.js';

/** `model_config`, or its alias `config` when the document uses that name. */
export function settingsKey(spec: unknown): 'model_config' | 'config' {
  return isObject(spec) && spec.config !== undefined && spec.model_config === undefined ? 'config' : 'model_config';
}

/** Sampling settings, and the earlier top-level `temperature` / `max_tokens` when a document has them. */
export function ModelSettingsSection({ base }: { base: SpecPath }) {
  const model = useEditorModel();
  const spec = getPath(model.value, base);
  const settings = [...base, settingsKey(spec)];
  const legacy = (['temperature', 'max_tokens'] as const).filter((key) => isObject(spec) && spec[key] !== undefined);
  return (
    <Section title="Model settings" name={`${base.join('.')}settings`} field={pathToString(settings)}>
      <div class="field-row">
        <NumberField path={[...settings, 'temperature']} label="Temperature" hint="0-2 (Anthropic: 0-1)" />
        <NumberField path={[...settings, 'max_tokens']} label="Max tokens" />
        <NumberField path={[...settings, 'top_p']} label="Top p" hint="0-1" />
        <NumberField path={[...settings, 'top_k']} label="Top k" hint="Anthropic only" />
      </div>
      <StringList path={[...settings, 'stop_sequences']} label="Stop sequence" addLabel="+ Add a stop sequence" hint="Write a newline as \n." escapes />
      {legacy.map((key) => (
        <NumberField key={key} path={[...base, key]} label={`${key} (earlier top-level form)`} hint="The backend reads it as a model setting." />
      ))}
    </Section>
  );
}

/** Framework, seed, timeout. */
export function AdvancedSection({ base }: { base: SpecPath }) {
  return (
    <Section title="Advanced" name={`${base.join('.')}advanced`}>
      <div class="field-row">
        <NumberField path={[...base, 'seed']} label="Seed" hint="OpenAI only" />
        <NumberField path={[...base, 'timeout_ms']} label="Timeout (ms)" hint="Bounds the model call" />
        <TextField path={[...base, 'framework']} label="Framework" hint="Stored and shown, never run" />
      </div>
      <JsonField path={[...base, 'framework_config']} label="Framework settings (JSON object)" rows={2} />
    </Section>
  );
}
