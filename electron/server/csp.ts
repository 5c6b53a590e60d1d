/**
 * The browser build loads nothing from elsewhere: scripts and styles come from this server, images
 * from /media (or blob: URLs the viewer makes from raw pixels), and the only socket is /events.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self' ws: wss:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
