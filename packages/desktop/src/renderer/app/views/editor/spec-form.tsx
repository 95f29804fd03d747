import type { SpecPath } from '../../spec/paths.js';
import { AssertionsSection } from './assertions-section.js';
import { BasicsSection } from './basics-section.js';
import { InputsSection } from './inputs-section.js';
import { AdvancedSection, ModelSettingsSection } from './model-section.js';
import { ToolsSection } from './tools-section.js';

/**
 * The form for every field of a test spec at `base` (the document root for a test, `defaults` or
 * `tests[i]` inside a suite, where every field is optional).
 */
export function SpecForm({ base, partial, models }: { base: SpecPath; partial: boolean; models: readonly string[] }) {
  return (
    <div class="spec-form">
      <BasicsSection base={base} partial={partial} models={models} />
      <InputsSection base={base} />
      <ModelSettingsSection base={base} />
      <ToolsSection base={base} />
      <AssertionsSection base={base} />
      <AdvancedSection base={base} />
    </div>
  );
}
