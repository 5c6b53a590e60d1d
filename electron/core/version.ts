import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    // the bundled Electron build has no package.json beside the sources
    return process.env.npm_package_version ?? '0.0.0';
  }
}

export const APP_VERSION = readVersion();
