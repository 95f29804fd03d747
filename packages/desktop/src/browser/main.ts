// Entry of browser mode (`npm start` where Electron cannot run, or `npm run start:browser`).
import { createDefaultClient, devSidecarPath, createDefaultSupervisor } from '../host/defaults.js';
import { onEnterPressed } from './link-requests.js';
import { LOGIN_LINK_TTL_MS } from './session.js';
import { startBrowserMode } from './start-browser-mode.js';

const port = process.env.SENTINEL_UI_PORT ? Number(process.env.SENTINEL_UI_PORT) : 0;
const mode = await startBrowserMode({
  sidecarPath: process.env.SENTINEL_BACKEND_FILE ?? devSidecarPath(),
  createSupervisor: createDefaultSupervisor,
  createClient: createDefaultClient,
  port,
});
const rule = `it works once, within ${LOGIN_LINK_TTL_MS / 60_000} minutes; press Enter here for a new one`;
console.log(`Sentinel is running in browser mode. Open this link (${rule}): ${mode.server.loginUrl()}`);
const stopListening = onEnterPressed(process.stdin, () => console.log(`New login link (${rule}): ${mode.server.loginUrl()}`));

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  stopListening();
  void mode.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
