import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor } from '../../dist/index.js';
import { SERVER } from './bare.mjs';

/**
 * A supervisor of the benchmark server with http readiness on the instance id; options merged over.
 * factor 1: every restart after the first of a streak waits the same 50 ms (the cases subtract it),
 * so a long series of crashes does not grow into 15 s waits.
 */
export function supervisedServer(options = {}) {
  return new Supervisor({
    name: 'bench',
    command: process.execPath,
    args: [SERVER],
    readiness: { http: '/health', requireInstanceId: true },
    health: false,
    restart: { initialDelayMs: 50, factor: 1, jitter: 0, maxRestarts: 10_000, windowMs: 1_000 },
    runtimeDir: mkdtempSync(join(tmpdir(), 'sup-bench-')),
    ...options,
  });
}
