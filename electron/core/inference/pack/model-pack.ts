import type { MauGptOptions } from '../../mau-gpt/options';
import type { AnomalibOptions, YoloOptions } from './options';
import type { ImageInput, PackKind, PackManifest } from './schema';
import { packError } from '../errors';

export type PackFileEntry = { path: string; role: string; sha256: string; absolutePath: string };

type PackBase = {
  /** Absolute folder of the pack; errors and logs name it. */
  readonly dir: string;
  /** name@version:sha-prefix of the model file: the cache key of sessions and predictions. */
  readonly id: string;
  readonly manifest: PackManifest;
  readonly files: readonly PackFileEntry[];
  /** Absolute path of the first file with role `model`. */
  readonly modelPath: string;
};

/** A loaded, verified pack: plain data, so it can be posted to a worker as is. */
export type ModelPack =
  | (PackBase & { readonly kind: 'anomalib'; readonly options: AnomalibOptions })
  | (PackBase & { readonly kind: 'yolo'; readonly options: YoloOptions })
  | (PackBase & { readonly kind: 'mau-gpt'; readonly options: MauGptOptions });

export type PackOfKind<K extends PackKind> = Extract<ModelPack, { kind: K }>;

export function fileOfRole(pack: ModelPack, role: string): string | undefined {
  return pack.files.find((f) => f.role === role)?.absolutePath;
}

/** The one image input anomalib and YOLO packs feed, checked to be preprocessable NCHW. */
export function imageInputOf(pack: { dir: string; manifest: PackManifest }): ImageInput {
  const inputs = pack.manifest.inputs;
  const image = inputs.find((i) => i.resize && i.normalise);
  if (!image) {
    throw packError(pack.dir, 'model.json: inputs: needs one image input with resize and normalise');
  }
  if (image.dtype !== 'float32') {
    throw packError(
      pack.dir,
      `model.json: input ${image.name}: dtype ${image.dtype} is not supported, use float32`,
    );
  }
  const channels = image.shape[1];
  if (image.shape.length !== 4 || (typeof channels === 'number' && channels !== 3)) {
    throw packError(
      pack.dir,
      `model.json: input ${image.name}: shape [${image.shape.join(', ')}] is not NCHW with 3 channels`,
    );
  }
  return image as ImageInput;
}

export function outputOfRole(pack: ModelPack, role: string): string | undefined {
  return pack.manifest.outputs.find((o) => o.role === role)?.name;
}

export function requireOutput(pack: ModelPack, role: string): string {
  const name = outputOfRole(pack, role);
  if (!name) throw packError(pack.dir, `model.json: outputs: needs an output with role "${role}"`);
  return name;
}
