// NODE_OPTIONS=--import=<this file>: at exit, writes the process's peak resident set (KiB, from
// getrusage) to $BENCH_MAX_RSS_FILE, so a whole-process benchmark can read it after the process is gone.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file !== undefined) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
