/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the callbacks that run in the page.)
import type { Locator, Page } from 'playwright-core';

/**
 * Drive the editor's form like a person would, for a spec value: each field typed, each list
 * item added with its button, each assertion's kind chosen. The inverse, `readForm`, reads what
 * the form shows for each field of a spec.
 */

type Json = Record<string, unknown>;

function escapeLine(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export function control(scope: Page | Locator, field: string): Locator {
  return scope.locator(`[data-field="${field}"]`).first().locator('input:not([type=checkbox]), textarea, select').first();
}

async function set(scope: Page | Locator, field: string, value: string): Promise<void> {
  const target = control(scope, field);
  if ((await target.evaluate((element) => element.tagName)) === 'SELECT') await target.selectOption(value);
  else await target.fill(value);
}

async function fillStringList(page: Page, scope: Locator, field: string, items: readonly string[], addLabel: string, escapes = false, existing = 0): Promise<void> {
  for (let index = 0; index < items.length; index++) {
    if (index >= existing) await scope.getByRole('button', { name: addLabel, exact: true }).first().click();
    await page.locator(`[data-field="${field}[${index}]"] input`).fill(escapes ? escapeLine(items[index] as string) : (items[index] as string));
  }
}

async function fillAssertion(page: Page, index: number, assertion: Json): Promise<void> {
  await page.getByRole('button', { name: '+ Add an assertion', exact: true }).click();
  const kind = Object.keys(assertion).find((key) => key !== 'flags') as string;
  const row = page.locator(`[data-field="assertions[${index}]"]`);
  await row.getByLabel(`Assertion ${index + 1} kind`).selectOption(kind);
  const value = assertion[kind];
  const at = `assertions[${index}].${kind}`;
  if (kind === 'is_json') {
    if (typeof value === 'object') {
      await row.getByLabel(`Assertion ${index + 1} with a JSON Schema`).check();
      await set(page, `${at}.schema`, JSON.stringify((value as Json).schema));
    }
  } else if (kind === 'contains_any' || kind === 'contains_all') {
    await fillStringList(page, row, at, value as string[], '+ Add a text', false, 1);
  } else if ((kind === 'must_call_tool' || kind === 'must_contain' || kind === 'must_not_contain') && Array.isArray(value)) {
    const noun = kind === 'must_call_tool' ? 'tool' : 'text';
    await set(page, at, value[0] as string);
    await row.getByRole('button', { name: `+ Add another ${noun}` }).click();
    await fillStringList(page, row, at, value as string[], `+ Add a ${noun}`, false, 2);
  } else {
    await set(page, at, String(value));
  }
  if (assertion.flags !== undefined) await set(page, `assertions[${index}].flags`, String(assertion.flags));
}

/** Fill an empty test form with `spec`. */
export async function fillForm(page: Page, spec: Json): Promise<void> {
  const inputs = spec.inputs as Json;
  const config = (spec.model_config ?? {}) as Json;
  for (const key of ['name', 'category', 'description', 'model', 'provider'] as const) if (spec[key] !== undefined) await set(page, key, String(spec[key]));
  if (spec.tags) await set(page, 'tags', (spec.tags as string[]).join(', '));
  if (inputs.system_prompt !== undefined) await set(page, 'inputs.system_prompt', inputs.system_prompt as string);
  const messages = (inputs.messages ?? []) as Json[];
  for (const [index, message] of messages.entries()) {
    await page.getByRole('button', { name: '+ Add a turn' }).click();
    await set(page, `inputs.messages[${index}].role`, message.role as string);
    await set(page, `inputs.messages[${index}].content`, message.content as string);
  }
  await set(page, 'inputs.query', inputs.query as string);
  if (inputs.context !== undefined) await set(page, 'inputs.context', JSON.stringify(inputs.context));
  for (const key of ['temperature', 'max_tokens', 'top_p', 'top_k'] as const) if (config[key] !== undefined) await set(page, `model_config.${key}`, String(config[key]));
  if (config.stop_sequences) await fillStringList(page, page.locator('[data-field="model_config"]'), 'model_config.stop_sequences', config.stop_sequences as string[], '+ Add a stop sequence', true);
  for (const [index, tool] of ((spec.tools ?? []) as unknown[]).entries()) {
    await page.getByRole('button', { name: '+ Add a tool', exact: true }).click();
    const row = page.locator(`[data-field="tools[${index}]"]`).first();
    if (typeof tool === 'string') {
      await set(page, `tools[${index}]`, tool);
      continue;
    }
    await row.getByRole('button', { name: 'Add a description and parameters' }).click();
    const object = tool as Json;
    await set(page, `tools[${index}].name`, object.name as string);
    if (object.description !== undefined) await set(page, `tools[${index}].description`, object.description as string);
    if (object.parameters !== undefined) await set(page, `tools[${index}].parameters`, JSON.stringify(object.parameters));
  }
  for (const [index, assertion] of ((spec.assertions ?? []) as Json[]).entries()) await fillAssertion(page, index, assertion);
  for (const key of ['seed', 'timeout_ms', 'framework'] as const) if (spec[key] !== undefined) await set(page, key, String(spec[key]));
  if (spec.framework_config !== undefined) await set(page, 'framework_config', JSON.stringify(spec.framework_config));
}

/** Every leaf of `value` with its field path (`inputs.messages[0].content`); JSON-valued fields are leaves. */
export function leaves(value: unknown, path = '', jsonFields: readonly RegExp[] = JSON_FIELDS): [string, unknown][] {
  if (jsonFields.some((pattern) => pattern.test(path))) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`, jsonFields));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key, jsonFields));
  return [[path, value]];
}

/** Fields the form edits as one JSON text, and fields shown as one comma-separated input. */
const JSON_FIELDS = [/^inputs\.context$/, /^framework_config$/, /^tools\[\d+\]\.parameters$/, /^assertions\[\d+\]\.is_json\.schema$/, /^tags$/];

/** What the form shows at `field` (a select's value, an input's text; JSON parsed; tags split). */
export async function shownValue(page: Page, field: string): Promise<unknown> {
  if (/\.is_json$/.test(field)) return page.locator(`[data-field="${field.replace(/\.is_json$/, '')}"] input[type=checkbox]`).isChecked();
  const target = control(page, field);
  const text = await target.inputValue();
  if (field === 'tags') return text.split(',').map((tag) => tag.trim());
  if (JSON_FIELDS.some((pattern) => pattern.test(field))) return JSON.parse(text) as unknown;
  if (/stop_sequences\[\d+\]$/.test(field)) return text.replace(/\\(\\|n|t)/g, (_, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : '\\'));
  return text;
}
