/**
 * The one content security policy of the renderer, sent by both hosts (the Electron app://
 * protocol and the web host) and mirrored in index.html: nothing but our own scripts, styles,
 * fonts and calls; images and media also from data:/blob: (camera frames, scans).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
