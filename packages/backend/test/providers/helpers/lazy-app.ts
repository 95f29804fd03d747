// A backend app over both providers (TypeScript sources, through ts-loader.mjs) that announces its
// port on stdout: the child process of lazy-sdk.test.ts.
import { createBackendApp } from '../../../src/app/create-app.js';

const env = process.env;
const app = await createBackendApp({
  dataDir: env.DATA_DIR ?? '',
  anthropicApiKey: env.ANTHROPIC_API_KEY,
  anthropicBaseUrl: env.ANTHROPIC_BASE_URL,
  openaiApiKey: env.OPENAI_API_KEY,
  openaiBaseUrl: env.OPENAI_BASE_URL,
  logger: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ event: 'listening', port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`);
