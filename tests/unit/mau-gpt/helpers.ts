import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../../../electron/core/inference/pack/hash';
import { repoRoot, sharedData } from '../../helpers/paths';

export const TINY = join(repoRoot, 'models/test-models/mau-gpt-tiny');
export const TINY_REFERENCE = join(TINY, 'reference');
/** BSData fixture images (manifest fixture=1): one with pitting, one normal. */
export const PITTING = join(sharedData, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg');
export const NORMAL = join(sharedData, 'bsdata/data/01_200828110510_477500_315_crop_2.jpg');

type Manifest = {
  files: { path: string; sha256: string }[];
  options: Record<string, Record<string, unknown>>;
};

/** A copy of the tiny pack in a temp folder, for tests that break it. */
export async function copyOfTiny(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'mau-gpt-pack-')), 'pack');
  await cp(TINY, dir, { recursive: true });
  return dir;
}

/** Edits model.json, then re-hashes the listed files so only the intended fault remains. */
export async function editManifest(dir: string, edit: (m: Manifest) => void): Promise<void> {
  const path = join(dir, 'model.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
  edit(manifest);
  for (const file of manifest.files) {
    file.sha256 = await sha256File(join(dir, file.path)).catch(() => file.sha256);
  }
  await writeFile(path, JSON.stringify(manifest, null, 2));
}

/**
 * A copy of `pack` in `dir` that calls every image NG and traces regions from 0.2 on its map, so
 * what follows an NG verdict can be tested whatever a smoke model's scores are; `edit` changes more.
 */
export async function alwaysNgCopy(pack: string, dir: string, edit?: (m: Manifest) => void): Promise<string> {
  await cp(pack, dir, { recursive: true });
  await editManifest(dir, (m) => {
    (m as unknown as { thresholds: { image: number; pixel: number } }).thresholds = { image: 0, pixel: 0.2 };
    edit?.(m);
  });
  return dir;
}
