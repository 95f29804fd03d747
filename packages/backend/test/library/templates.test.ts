import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Template } from '../../src/contract/library.js';
import { readTemplateFiles } from '../../src/library/template-files.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { call, closeApps, startLibraryApp } from './app-fixture.js';

/** The fields of a template these checks look at. */
interface TemplateDocument {
  readonly category?: string;
  readonly inputs?: { readonly messages?: readonly unknown[] };
  readonly tools?: readonly unknown[];
  readonly assertions?: readonly Record<string, unknown>[];
  readonly tests?: readonly unknown[];
  readonly defaults?: object;
}

afterEach(async () => {
  await closeApps();
  await removeTempDirs();
});

describe('starter templates', () => {
  it('lists every file of templates/ with its kind, name, description, category and text', async () => {
    const { app } = await startLibraryApp();
    const response = await call(app, 'GET', '/api/templates');
    expect(response.statusCode).toBe(200);
    const { templates } = response.json() as { templates: Template[] };
    const files = await readTemplateFiles();
    expect(templates.map((template) => `${template.id}.yaml`)).toEqual(files.map((file) => file.fileName));
    expect(templates.map((template) => template.yaml)).toEqual(files.map((file) => file.text));
    for (const template of templates) {
      expect(template.name.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(0);
      expect(template.category.length).toBeGreaterThan(0);
    }
    expect(templates.filter((template) => template.kind === 'suite').map((template) => template.id)).toEqual(['starter-suite']);
  });

  it('are each valid under the real validator: saving every one into the library succeeds', async () => {
    const { app } = await startLibraryApp();
    const { templates } = (await call(app, 'GET', '/api/templates')).json() as { templates: Template[] };
    for (const template of templates) {
      const response = await call(app, 'POST', template.kind === 'test' ? '/api/tests' : '/api/suites', template.yaml);
      expect(response.statusCode, `${template.id}: ${response.body}`).toBe(201);
    }
    expect((await call(app, 'GET', '/api/tests')).json().broken).toEqual([]);
    expect((await call(app, 'GET', '/api/tests')).json().tests).toHaveLength(templates.length - 1);
  });

  it('cover what the original app\'s starter set covers, on both providers\' current models', async () => {
    const documents = (await readTemplateFiles()).map((file) => parse(file.text) as TemplateDocument);
    const text = (await readTemplateFiles()).map((file) => file.text).join('\n');
    expect(documents.some((spec) => Array.isArray(spec.inputs?.messages) && spec.inputs.messages.length >= 2)).toBe(true);
    expect(documents.some((spec) => spec.tools !== undefined && spec.assertions?.some((assertion) => 'must_call_tool' in assertion))).toBe(true);
    expect(documents.some((spec) => spec.assertions?.some((assertion) => (assertion.is_json as { schema?: object } | undefined)?.schema !== undefined))).toBe(true);
    expect(documents.some((spec) => spec.category === 'safety')).toBe(true);
    expect(documents.some((spec) => spec.category === 'code')).toBe(true);
    expect(documents.some((spec) => spec.category === 'qa')).toBe(true);
    expect(documents.some((spec) => Array.isArray(spec.tests) && spec.defaults !== undefined)).toBe(true);
    for (const model of ['claude-sonnet-4-6', 'gpt-5-mini', 'gpt-4.1-mini']) expect(text).toContain(`model: ${model}`);
  });
});
