export { startBrowserMode, DEFAULT_RENDERER_DIR, type BrowserMode, type BrowserModeOptions } from './start-browser-mode.js';
export { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server.js';
