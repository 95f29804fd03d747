/**
 * The renderer's Content-Security-Policy: only its own script and stylesheet, no inline code,
 * no remote content, no framing. `connect-src 'self'` lets browser mode reach its own bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
