// Entry of browser mode (`npm start` where Electron cannot run, or `npm run start:browser`).
import { createDefaultClient, devSidecarPath, createDefaultSupervisor } from '../host/defaults.js';
import { startBrowserMode } from './start-browser-mode.js';

const port = process.env.SENTINEL_UI_PORT ? Number(process.env.SENTINEL_UI_PORT) : 0;
const mode = await startBrowserMode({
  sidecarPath: process.env.SENTINEL_BACKEND_FILE ?? devSidecarPath(),
  createSupervisor: createDefaultSupervisor,
  createClient: createDefaultClient,
  port,
});
console.log(`Sentinel is running in browser mode. Open this link (it works once): ${mode.server.loginUrl()}`);

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  void mode.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
