export { startBrowserMode, DEFAULT_RENDERER_DIR, type BrowserMode, type BrowserModeOptions } from './start-browser-mode.js';
export { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server.js';
export { createBrowserApp, MAX_BODY_BYTES, MAX_HEADER_BYTES, type BrowserAppOptions } from './app.js';
export { BrowserSessions, LOGIN_LINK_TTL_MS, MAX_PENDING_LINKS, type BrowserSession, type BrowserSessionsOptions } from './session.js';
export { loopbackAddress, type ServerAddress } from './address.js';
