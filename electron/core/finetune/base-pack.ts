import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../contract/result';
import { loadModelPack } from '../inference';
import { resolvePackId } from '../models/model-catalog';
import { parsePackId } from '../models/pack-info';
import { addPack } from '../models/pack-registry';
import type { ProjectStore } from '../store';

export type BasePack = { dir: string; name: string; version: string; decoderSha256: string };

/** A folder path or a pack id (`pack:<n>`, `shipped:<folder>`) to the base pack's folder. */
export async function baseDir(
  store: ProjectStore,
  modelsDir: string | undefined,
  base: string,
): Promise<string> {
  if (parsePackId(base)) {
    const target = await resolvePackId(store, modelsDir, base);
    return 'record' in target ? target.record.dir : target.shippedDir;
  }
  const dir = resolve(base);
  if (!existsSync(dir)) throw new AppError('NOT_FOUND', `${dir}: no such model pack folder`);
  return dir;
}

/**
 * Verifies the base (manifest, every file's sha256) and refuses, naming the file, a pack that
 * cannot be fine-tuned: another kind, or a mau-gpt pack without its PyTorch checkpoint.
 */
export async function checkBase(dir: string): Promise<BasePack> {
  const pack = await loadModelPack(dir);
  const manifestFile = resolve(dir, 'model.json');
  if (pack.kind !== 'mau-gpt') {
    throw new AppError(
      'INVALID_INPUT',
      `${manifestFile}: kind is ${pack.kind}; fine-tuning needs a mau-gpt pack with a checkpoint (role "weights")`,
    );
  }
  const decoder = pack.files.find((f) => f.role === 'decoder');
  if (!pack.files.some((f) => f.role === 'weights') || !decoder) {
    throw new AppError(
      'INVALID_INPUT',
      `${manifestFile}: lists no file with role "weights" (checkpoint.pt); this pack cannot be fine-tuned, retrain it with models/recipe/train.py`,
    );
  }
  const { name, version } = pack.manifest;
  return { dir: pack.dir, name, version, decoderSha256: decoder.sha256 };
}

/** The base registered in the project (a no-op when it already is), so its predictions are kept. */
export async function registerBase(store: ProjectStore, dir: string): Promise<number> {
  return (await addPack(store, dir)).record.id;
}
