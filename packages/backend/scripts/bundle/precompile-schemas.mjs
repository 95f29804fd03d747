// Replaces src/spec/precompiled-validators.ts in a bundle with validators generated now, at build
// time, by Ajv's standalone code (the same Ajv options as at run time, AJV_OPTIONS), for the
// contract's spec and suite schemas: the bundle then never compiles them. The schemas are imported
// from the sources in the bundle, so the map's keys are the very objects the validator is asked about.
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { pathToFileURL } from 'node:url';

/** The schemas precompiled: the export name and the module (relative to the package) it comes from. */
const PRECOMPILED = [
  { name: 'testSpecSchema', module: 'contract/schemas/test-spec' },
  { name: 'testSuiteSchema', module: 'contract/schemas/test-suite' },
];

const EXPORTS = 'export const validate = validate0;export default validate0;';

async function generate(packageDir) {
  const { AJV_OPTIONS } = await import(pathToFileURL(`${packageDir}dist/spec/schema-validator.js`).href);
  const lines = [];
  const entries = [];
  for (const [index, { name, module }] of PRECOMPILED.entries()) {
    const schema = (await import(pathToFileURL(`${packageDir}dist/${module}.js`).href))[name];
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: true, esm: true } });
    const code = standaloneCode(ajv, ajv.compile(schema));
    if (!code.includes(EXPORTS)) throw new Error(`precompile-schemas: Ajv's standalone code for ${name} no longer starts as expected: update scripts/bundle/precompile-schemas.mjs`);
    lines.push(`import { ${name} } from ${JSON.stringify(`${packageDir}src/${module}.ts`)};`);
    lines.push(`const validator${index} = (() => { ${code.replace('"use strict";', '').replace(EXPORTS, '')}\nreturn validate0; })();`);
    entries.push(`[${name}, validator${index}]`);
  }
  lines.push(`export const PRECOMPILED_VALIDATORS = new Map([${entries.join(', ')}]);`);
  return lines.join('\n');
}

/** The esbuild plugin (tsc must have built dist/ first: the schemas and options are read from there). */
export function precompiledSchemas(packageDir) {
  return {
    name: 'precompiled-schemas',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]src[\\/]spec[\\/]precompiled-validators\.ts$/ }, async () => ({ contents: await generate(packageDir), loader: 'js', resolveDir: packageDir }));
    },
  };
}
