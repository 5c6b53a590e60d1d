import { loadModelPack, type LoadPackOptions } from '../inference/pack/load-pack';
import type { PackOfKind } from '../inference/pack/model-pack';
import { packError } from '../inference/errors';
import { GenerationConfigFile } from './generation-config';
import { readJsonFile, tokenizerFrom } from './tokenizer';

/** Roles of a MAU-GPT pack's files (docs/MAU-GPT-PACK.md), by what the runtime calls them. */
export const ROLES = {
  vision: 'vision-encoder',
  embed: 'embed-tokens',
  decoder: 'decoder',
  tokenizer: 'tokenizer',
  generationConfig: 'generation-config',
} as const;

/**
 * The map-making part of the vision encoder alone (`anomaly-map`, optional): tiles need only the
 * map and score, so where a pack has it they run on it instead of the whole encoder.
 */
export const ANOMALY_MAP_ROLE = 'anomaly-map';

/** A category's own map trunk (`category-anomaly-map`, optional, each named by options.vision.categoryMaps). */
export const CATEGORY_MAP_ROLE = 'category-anomaly-map';

/** The defect-type head (`defect-types`, optional, with options.defectTypes): which types an NG image shows. */
export const DEFECT_TYPES_ROLE = 'defect-types';

type PackFile = { path: string; absolutePath: string };
export type MauGptFiles = Record<keyof typeof ROLES, PackFile> & {
  anomalyMap?: PackFile;
  /** By category of part: the graph its tiles run on. */
  categoryMaps?: Record<string, PackFile>;
  defectTypes?: PackFile;
};

/** A verified MAU-GPT pack: plain data, posted as is to the generation worker. */
export type MauGptPack = PackOfKind<'mau-gpt'> & {
  readonly graphs: MauGptFiles;
  readonly tokenizerJson: unknown;
  readonly generation: GenerationConfigFile;
};

function filesOf(pack: PackOfKind<'mau-gpt'>): MauGptFiles {
  const entries = Object.entries(ROLES).map(([key, role]) => {
    const file = pack.files.find((f) => f.role === role);
    if (!file)
      throw packError(pack.dir, `model.json: files: a mau-gpt pack needs a file with role "${role}"`);
    return [key, { path: file.path, absolutePath: file.absolutePath }] as const;
  });
  const files = Object.fromEntries(entries) as Record<keyof typeof ROLES, PackFile>;
  const optional = (role: string): PackFile | undefined => {
    const file = pack.files.find((f) => f.role === role);
    return file && { path: file.path, absolutePath: file.absolutePath };
  };
  const anomalyMap = optional(ANOMALY_MAP_ROLE);
  const defectTypes = optional(DEFECT_TYPES_ROLE);
  if (Boolean(defectTypes) !== Boolean(pack.options.defectTypes)) {
    throw packError(
      pack.dir,
      defectTypes
        ? `model.json: ${defectTypes.path} has role "${DEFECT_TYPES_ROLE}" but options.defectTypes is missing`
        : `model.json: options.defectTypes needs a file with role "${DEFECT_TYPES_ROLE}"`,
    );
  }
  const categoryMaps = categoryMapsOf(pack);
  return {
    ...files,
    ...(anomalyMap ? { anomalyMap } : {}),
    ...(categoryMaps ? { categoryMaps } : {}),
    ...(defectTypes ? { defectTypes } : {}),
  };
}

/** options.vision.categoryMaps, each path a listed `category-anomaly-map` file, and each such file named. */
function categoryMapsOf(pack: PackOfKind<'mau-gpt'>): Record<string, PackFile> | undefined {
  const named = pack.options.vision.categoryMaps ?? {};
  const listed = pack.files.filter((f) => f.role === CATEGORY_MAP_ROLE);
  const entries = Object.entries(named).map(([category, path]) => {
    const file = listed.find((f) => f.path === path);
    if (!file)
      throw packError(
        pack.dir,
        `model.json: options.vision.categoryMaps.${category} is "${path}", which files does not list with role "${CATEGORY_MAP_ROLE}"`,
      );
    return [category, { path: file.path, absolutePath: file.absolutePath }] as const;
  });
  const unnamed = listed.find((f) => !Object.values(named).includes(f.path));
  if (unnamed)
    throw packError(
      pack.dir,
      `model.json: ${unnamed.path} has role "${CATEGORY_MAP_ROLE}" but options.vision.categoryMaps names no category for it`,
    );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Checks what can be checked without opening a session; the graphs are checked when opened. */
export async function loadMauGptPack(
  dir: string,
  options: Omit<LoadPackOptions<'mau-gpt'>, 'kind'> = {},
): Promise<MauGptPack> {
  const pack = await loadModelPack(dir, { ...options, kind: 'mau-gpt' });
  return completeMauGptPack(pack);
}

/** The MAU-GPT side of a pack `loadModelPack` already verified. */
export async function completeMauGptPack(pack: PackOfKind<'mau-gpt'>): Promise<MauGptPack> {
  const graphs = filesOf(pack);
  const { decoder, vision } = pack.options;
  if (vision.tiling.mode === 'tiles' && vision.tiling.overlap >= vision.imageSize) {
    throw packError(
      pack.dir,
      `model.json: options.vision.tiling.overlap is ${vision.tiling.overlap}, it must be below options.vision.imageSize (${vision.imageSize}) so the tiles advance`,
    );
  }
  const tokenizerName = graphs.tokenizer.path;
  const tokenizerJson = await readJsonFile(pack.dir, graphs.tokenizer.absolutePath, tokenizerName);
  const { vocabSize } = tokenizerFrom(pack.dir, tokenizerName, tokenizerJson);
  if (vocabSize !== decoder.vocabSize) {
    throw packError(
      pack.dir,
      `${tokenizerName}: the vocabulary has ${vocabSize} tokens, model.json options.decoder.vocabSize says ${decoder.vocabSize}`,
    );
  }
  const configName = graphs.generationConfig.path;
  const parsed = GenerationConfigFile.safeParse(
    await readJsonFile(pack.dir, graphs.generationConfig.absolutePath, configName),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw packError(
      pack.dir,
      `${configName}: invalid field ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const generation = parsed.data;
  const ids = [generation.eos_token_id, generation.bos_token_id, generation.pad_token_id].flat();
  const outside = ids.filter((id): id is number => typeof id === 'number' && id >= vocabSize);
  if (outside.length > 0) {
    throw packError(
      pack.dir,
      `${configName}: token id ${outside[0]} is outside the ${vocabSize}-token vocabulary of ${tokenizerName}`,
    );
  }
  return { ...pack, graphs, tokenizerJson, generation };
}
