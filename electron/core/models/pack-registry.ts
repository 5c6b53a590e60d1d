import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../contract/result';
import { importForeignModel, loadModelPack, type ModelPack } from '../inference';
import type { ProjectStore } from '../store';
import type { PackRecord } from '../store/model-packs';
import { packDigest } from './pack-info';

/** Verifies the pack (manifest, kind options, every file's sha256) and registers it. */
export async function addPack(
  store: ProjectStore,
  dir: string,
): Promise<{ record: PackRecord; pack: ModelPack }> {
  const pack = await loadModelPack(resolve(dir));
  const { id } = store.registerPack({
    name: pack.manifest.name,
    version: pack.manifest.version,
    kind: pack.kind,
    dir: pack.dir,
    manifest: pack.manifest,
    digest: packDigest(pack),
  });
  return { record: store.packRecord(id)!, pack };
}

/** A folder name that is safe on every platform, from a pack name a person typed. */
function folderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return safe || 'model';
}

/** Wraps a raw export as a pack inside the project (`<project>/models/<name>/`) and registers it. */
export async function importOnnx(
  store: ProjectStore,
  input: { onnxPath: string; kind: 'anomalib' | 'yolo'; name?: string },
): Promise<PackRecord> {
  const source = resolve(input.onnxPath);
  const name = input.name ?? basename(source).replace(/\.onnx$/i, '');
  const outDir = join(store.dir, 'models', folderName(name));
  if (existsSync(outDir)) {
    throw new AppError('CONFLICT', `${outDir} already exists: import the model under another name`);
  }
  const pack = await importForeignModel(source, input.kind, { outDir, name });
  return (await addPack(store, pack.dir)).record;
}

/**
 * Makes sure the pack on disk is still the one registered: a file edited after `models:add`
 * would otherwise produce predictions credited to a pack version that never made them.
 */
export async function loadRegistered(record: PackRecord): Promise<ModelPack> {
  const pack = await loadModelPack(record.dir);
  if (packDigest(pack) !== record.digest) {
    throw new AppError(
      'CONFLICT',
      `model pack ${record.dir}: changed on disk since it was added as ${record.name} ${record.version}; give it a new version and add it again`,
    );
  }
  return pack;
}
