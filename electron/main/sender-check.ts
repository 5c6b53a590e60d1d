import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TrustedRenderer = {
  /** The renderer build, loaded as file:// in a packaged or locally built app. */
  rendererDir: string;
  /** The Vite dev server (development only), e.g. http://localhost:5174/. */
  devServerUrl: string | null;
};

/**
 * Whether a frame URL is our own page. Anything else (an injected iframe, a page reached by a
 * navigation we failed to stop) must not reach the core, whatever it sends.
 */
export function createSenderCheck(trusted: TrustedRenderer): (frameUrl: string) => boolean {
  const root = resolve(trusted.rendererDir);
  const devOrigin = trusted.devServerUrl ? new URL(trusted.devServerUrl).origin : null;
  return (frameUrl) => {
    let url: URL;
    try {
      url = new URL(frameUrl);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') {
      const rel = relative(root, fileURLToPath(url));
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    }
    return devOrigin !== null && url.origin === devOrigin;
  };
}
