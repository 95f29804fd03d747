import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor } from '../../dist/index.js';
import { SERVER } from './bare.mjs';

/** A supervisor of the benchmark server with http readiness on the instance id; options merged over. */
export function supervisedServer(options = {}) {
  return new Supervisor({
    name: 'bench',
    command: process.execPath,
    args: [SERVER],
    readiness: { http: '/health', requireInstanceId: true },
    health: false,
    restart: { initialDelayMs: 50, jitter: 0, maxRestarts: 10_000, windowMs: 1_000 },
    runtimeDir: mkdtempSync(join(tmpdir(), 'sup-bench-')),
    ...options,
  });
}
