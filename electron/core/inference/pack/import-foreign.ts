import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { packError } from '../errors';
import { inspectModel } from '../session/session-handle';
import type { WorkerLocation } from '../session/worker-channel';
import { draftAnomalib } from './foreign-anomalib';
import { draftYolo } from './foreign-yolo';
import { sha256File } from './hash';
import { loadModelPack, MANIFEST_FILE } from './load-pack';
import type { PackOfKind } from './model-pack';
import { readOnnxModelInfo } from './onnx-metadata';
import { PACK_FORMAT, type PackManifest } from './schema';

export type ImportForeignOptions = {
  /** Folder of the new pack; default the ONNX file's own folder (nothing is copied then). */
  outDir?: string;
  name?: string;
  version?: string;
  description?: string;
  /** For graphs whose spatial input size is open and not recorded elsewhere. */
  inputSize?: { width: number; height: number };
  /** Class names, when the export carries none. */
  labels?: string[];
  /** Replace an existing model.json. */
  overwrite?: boolean;
  worker?: WorkerLocation;
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Wraps a raw anomalib or Ultralytics ONNX export in a model pack: reads input/output names and
 * shapes from a CPU session, the export's metadata (Ultralytics `names`, `task`, `imgsz`;
 * anomalib v1 metadata.json thresholds), writes model.json with every file's sha256, and loads
 * the result back through the same checks as any pack.
 */
export async function importForeignModel<K extends 'anomalib' | 'yolo'>(
  onnxPath: string,
  kind: K,
  options: ImportForeignOptions = {},
): Promise<PackOfKind<K>> {
  const source = resolve(onnxPath);
  if (!(await exists(source))) throw packError(source, 'ONNX file not found', 'NOT_FOUND');
  const outDir = resolve(options.outDir ?? dirname(source));
  const manifestPath = join(outDir, MANIFEST_FILE);
  if (!options.overwrite && (await exists(manifestPath))) {
    throw packError(outDir, `${MANIFEST_FILE} already exists; pass overwrite to replace it`, 'CONFLICT');
  }
  const [{ inputs, outputs }, info] = await Promise.all([
    inspectModel(source, options.worker),
    readOnnxModelInfo(source),
  ]);
  const draft =
    kind === 'yolo'
      ? draftYolo(source, inputs, outputs, info.metadata, options.labels)
      : await draftAnomalib(source, inputs, outputs, options.inputSize);
  const modelName = basename(source);
  const files = [{ path: modelName, role: 'model' }, ...draft.extraFiles];
  await mkdir(outDir, { recursive: true });
  if (outDir !== dirname(source)) {
    for (const file of files) await copyFile(join(dirname(source), file.path), join(outDir, file.path));
  }
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    kind,
    name: options.name ?? modelName.replace(/\.onnx$/i, ''),
    version: options.version ?? info.metadata.version ?? '0.0.0',
    description: options.description ?? info.metadata.description ?? `imported ${kind} export`,
    card: {
      ...(info.metadata.license ? { licence: info.metadata.license } : {}),
      ...(info.metadata.author ? { authors: [info.metadata.author] } : {}),
      source: `imported from ${source}${info.producerName ? ` (${info.producerName} ${info.producerVersion})` : ''}`,
    },
    files: await Promise.all(
      files.map(async (f) => ({ ...f, sha256: await sha256File(join(outDir, f.path)) })),
    ),
    inputs: draft.inputs,
    outputs: draft.outputs,
    labels: draft.labels,
    thresholds: draft.thresholds,
    options: draft.options,
  };
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return loadModelPack(outDir, { kind });
}
