import { MEDIA_SCHEME } from '../contract';

/**
 * The desktop window's policy: like the browser build's, with images and raw pixels coming from
 * the media protocol. A dev server needs its own origin and Vite's inline HMR preamble.
 */
export function electronCsp(devServerUrl: string | null): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const devOrigin = dev ? ` ${dev.origin} ws://${dev.host}` : '';
  return [
    "default-src 'self'",
    `img-src 'self' blob: data: ${MEDIA_SCHEME}:`,
    `connect-src 'self' ${MEDIA_SCHEME}:${devOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    dev ? `script-src 'self' 'unsafe-inline' ${dev.origin}` : "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
