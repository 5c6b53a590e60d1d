import { join } from 'node:path';
import type { BasePack } from './base-pack';

/** Pack versions are at most 50 characters (model.json schema). */
const MAX_VERSION = 50;

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'model';

/**
 * Name, version and folder of the pack a fine-tune writes: `<base>-ft`, the base version with
 * the UTC time of the run, in `<project>/models/`, so every run is a new pack and none overwrites.
 */
export function tunedIdentity(projectDir: string, base: BasePack, now = new Date()) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .replace('T', '');
  const name = `${base.name}-ft`;
  const version = `${base.version.slice(0, MAX_VERSION - stamp.length - 4)}-ft.${stamp}`;
  return { name, version, dir: join(projectDir, 'models', safe(`${name}-${version}`)) };
}
