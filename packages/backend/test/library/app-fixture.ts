import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { join } from 'node:path';
import { createBackendApp } from '../../src/app/create-app.js';
import { AUTH, TOKEN } from '../helpers/app-fixture.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const open: FastifyInstance[] = [];

/** The real backend app over a fresh data dir (its workspace inside, unless one is given); closed by `closeApps()`. */
export async function startLibraryApp(options: { workspaceDir?: string } = {}): Promise<{ app: FastifyInstance; dataDir: string; workspace: string }> {
  const dataDir = await makeTempDir('sentinel-data-');
  const app = await createBackendApp({ dataDir, token: TOKEN, logger: false, ...options });
  open.push(app);
  return { app, dataDir, workspace: options.workspaceDir ?? join(dataDir, 'workspace') };
}

export async function closeApps(): Promise<void> {
  await Promise.all(open.splice(0).map((app) => app.close()));
}

type Body = Record<string, unknown> | string;

/** An authorised request; a string body goes as application/yaml, an object as JSON. */
export function call(app: FastifyInstance, method: InjectOptions['method'], url: string, body?: Body): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...AUTH };
  if (typeof body === 'string') headers['content-type'] = 'application/yaml';
  return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
}
