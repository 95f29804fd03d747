import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/shared/workspace-bridge.js';
import { FakeHost } from './helpers/fake-host.js';
import { yamlShown } from '../helpers/yaml-tab.js';
import { control, fillForm, leaves, shownValue } from './helpers/form-filler.js';
import { ALL_KINDS, SpecGenerator } from './helpers/spec-generator.js';
import { launchChromium, openWorkspace, type WorkspacePage } from './helpers/workspace-page.js';

// Property-style: seeded random specs over every field of the format and every assertion kind,
// typed into the form (YAML must parse back to the same spec), and loaded as YAML (the form must
// show each field; an edit in the form keeps the YAML's comments).
const SEED = Number(process.env.SENTINEL_UI_SEED ?? 20261201);
const SPECS = 9;

let browser: Browser;
let view: WorkspacePage | undefined;
const generator = new SpecGenerator(SEED);
const specs = Array.from({ length: SPECS }, (_, index) => generator.spec(index === 0));

function draft(yaml: string): Draft {
  return { kind: 'test', id: null, revision: null, yaml, saved_at: '2026-12-01T10:00:00.000Z' };
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
afterEach(async () => {
  if (!view) return;
  expect(view.errors).toEqual([]);
  await view.close();
  view = undefined;
});

describe(`form <-> YAML round trip (seed ${SEED})`, () => {
  it('the generated specs cover every assertion kind and every optional field', () => {
    const kinds = new Set(specs.flatMap((spec) => spec.assertions.map((assertion) => Object.keys(assertion).find((key) => key !== 'flags'))));
    expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
    const fields = new Set(specs.flatMap((spec) => leaves(spec).map(([path]) => path.replace(/\[\d+\]/g, '[]'))));
    for (const field of ['description', 'category', 'provider', 'tags', 'inputs.system_prompt', 'inputs.messages[].role', 'inputs.messages[].content', 'inputs.context', 'model_config.temperature', 'model_config.max_tokens', 'model_config.top_p', 'model_config.top_k', 'model_config.stop_sequences[]', 'tools[]', 'tools[].name', 'tools[].description', 'tools[].parameters', 'framework', 'framework_config', 'seed', 'timeout_ms', 'assertions[].flags']) {
      expect(fields, field).toContain(field);
    }
  });

  specs.forEach((spec, index) => {
    it(`spec ${index}: typed into the form, the YAML parses back to it`, async () => {
      const host = new FakeHost();
      host.drafts.set(`new-test:form${index}`, draft('{}\n'));
      view = await openWorkspace(browser, host, `#/editor/test/new/form${index}`);
      await view.page.locator('[data-field="name"] input').waitFor();
      await fillForm(view.page, spec as unknown as Record<string, unknown>);
      await expect.poll(() => parse(host.drafts.get(`new-test:form${index}`)?.yaml ?? '') as unknown, { timeout: 10_000 }).toEqual(spec);
      // The YAML tab shows that same text (its editor draws its lines once it is shown: waited for).
      await view.page.getByRole('tab', { name: 'YAML' }).click();
      const page = view.page;
      await expect.poll(async () => parse(await yamlShown(page)) as unknown, { timeout: 10_000 }).toEqual(spec);
    });

    it(`spec ${index}: loaded as YAML, the form shows every field, and a form edit keeps the comments`, async () => {
      const host = new FakeHost();
      const yaml = `# written by hand\n${stringify(spec, { lineWidth: 0 })}# the end\n`;
      host.drafts.set(`new-test:yaml${index}`, draft(yaml));
      view = await openWorkspace(browser, host, `#/editor/test/new/yaml${index}`);
      await view.page.locator('[data-field="name"] input').waitFor();
      for (const [field, value] of leaves(spec)) {
        const expected = /\.is_json$/.test(field) ? typeof value === 'object' : typeof value === 'number' ? String(value) : value;
        expect(await shownValue(view.page, field), field).toEqual(expected);
      }
      await control(view.page, 'name').fill(`${spec.name} (edited)`);
      await expect.poll(() => parse(host.drafts.get(`new-test:yaml${index}`)?.yaml ?? '') as unknown, { timeout: 10_000 }).toEqual({ ...spec, name: `${spec.name} (edited)` });
      const text = host.drafts.get(`new-test:yaml${index}`)?.yaml ?? '';
      expect(text.startsWith('# written by hand\n')).toBe(true);
      expect(text).toContain('# the end');
    });
  });

  it('the earlier aliases (config, inputs.system, top-level temperature and max_tokens) show in the form and are edited in place', async () => {
    const host = new FakeHost();
    const spec = { name: 'Old format', model: 'claude-sonnet-4-6', inputs: { query: 'hi', system: 'Be brief.' }, config: { temperature: 0.3, stop_sequences: ['END'] }, temperature: 0.5, max_tokens: 200, assertions: [{ regex: '^h', flags: 'i' }, { min_length: 1 }] };
    host.drafts.set('new-test:alias', draft(stringify(spec)));
    view = await openWorkspace(browser, host, '#/editor/test/new/alias');
    const { page } = view;
    expect(await control(page, 'inputs.system').inputValue()).toBe('Be brief.');
    expect(await control(page, 'config.temperature').inputValue()).toBe('0.3');
    expect(await control(page, 'temperature').inputValue()).toBe('0.5');
    expect(await control(page, 'max_tokens').inputValue()).toBe('200');
    expect(await control(page, 'assertions[0].regex').inputValue()).toBe('^h');
    await control(page, 'config.temperature').fill('0.9');
    await control(page, 'inputs.system').fill('Be very brief.');
    await expect.poll(() => parse(host.drafts.get('new-test:alias')?.yaml ?? '') as unknown).toEqual({ ...spec, inputs: { query: 'hi', system: 'Be very brief.' }, config: { temperature: 0.9, stop_sequences: ['END'] } });
  });
});
