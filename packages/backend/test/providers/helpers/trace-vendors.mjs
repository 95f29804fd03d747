// `NODE_OPTIONS=--import=<this file>` for a bundled program: appends the name of every vendor group
// the bundle compiles (the packages it ships beside it and compiles on first use, see
// scripts/bundle/lazy-vendors.mjs: `<bundle>.vendor-<group>.cjs`) to $SENTINEL_VENDOR_LOG, one per
// line, as it is compiled (the bundle compiles them with vm.Script, for their code cache).
import { appendFileSync } from 'node:fs';
import module from 'node:module';
import vm from 'node:vm';

const log = process.env.SENTINEL_VENDOR_LOG;
const Script = vm.Script;
vm.Script = class TracedScript extends Script {
  constructor(code, options) {
    const name = /\.vendor-(.+)\.cjs$/.exec(options?.filename ?? '')?.[1];
    if (log !== undefined && name !== undefined) appendFileSync(log, `${name}\n`);
    super(code, options);
  }
};
module.syncBuiltinESMExports();
