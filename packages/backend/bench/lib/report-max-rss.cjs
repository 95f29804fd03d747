// NODE_OPTIONS=--require=<this file>: at exit, writes the process's peak resident set (KiB, from
// getrusage) to $BENCH_MAX_RSS_FILE, so a whole-process benchmark can read it after the process is gone.
// CommonJS and preloaded with --require: an ES module given to --import would start Node's ESM
// loader in the measured process, about 10 ms the program itself does not spend.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_MAX_RSS_FILE;
if (file !== undefined) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
