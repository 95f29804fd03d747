// `NODE_OPTIONS=--import=<this file>` for a bundled program: appends the name of every vendor group
// the bundle compiles (the packages it embeds as text and compiles on first use, see
// scripts/bundle/lazy-vendors.mjs) to $SENTINEL_VENDOR_LOG, one per line, as it is compiled.
import { appendFileSync } from 'node:fs';
import module from 'node:module';
import vm from 'node:vm';

const log = process.env.SENTINEL_VENDOR_LOG;
const compileFunction = vm.compileFunction;
vm.compileFunction = function traced(code, params, options) {
  const name = /^sentinel-vendor:(.+)\.cjs$/.exec(options?.filename ?? '')?.[1];
  if (log !== undefined && name !== undefined) appendFileSync(log, `${name}\n`);
  return compileFunction.call(this, code, params, options);
};
module.syncBuiltinESMExports();
