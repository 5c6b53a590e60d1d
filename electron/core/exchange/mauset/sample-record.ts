import type { Split } from '../../../contract/domain';
import { buildQa, type Brightness, type QaSample } from '../../mauset-qa';
import type { ExportEnv, ExportSample } from '../export-types';
import { folderName } from '../names';
import { regionBrightness } from './brightness';
import { GreyReader } from './grey-pixels';
import { lineageReader } from './lineage-batch';
import type { SampleRecord } from './record-schema';
import { regionFacts, type RegionFacts } from './region-facts';
import { recordVerdict } from './verdict';

export type BuiltSample = { record: SampleRecord; facts: RegionFacts[]; stem: string; sourceDir: string };

/** An image put in place and measured: everything of its record that needs files or pixels. */
export type PlacedSample = {
  verdict: 'OK' | 'NG';
  stem: string;
  sourceDir: string;
  image: string;
  facts: RegionFacts[];
  brightness: (Brightness | null)[];
};

/**
 * Places one image in the export and measures its regions (the file work, which may overlap
 * other images). Throws SkipSample when the image cannot be exported (its reason says why).
 */
export async function placeSample(
  sample: ExportSample,
  env: ExportEnv,
  format: string,
): Promise<PlacedSample> {
  const verdict = recordVerdict(sample, env, format);
  const sourceDir = folderName(sample.source);
  const { name, stem } = env.files.reserve(sample.fileName, sample.id);
  const image = `images/${sourceDir}/${name}`;
  await env.files.place(sample.path, image);
  const { width, height } = sample;
  const facts = sample.regions.map((region, i) => regionFacts(region, i, width, height));
  const brightness = await regionBrightness(greyReader(env), sample.path, width, height, facts).catch(() =>
    facts.map(() => null),
  );
  return { verdict, stem, sourceDir, image, facts, brightness };
}

const greyReaders = new WeakMap<ExportEnv, GreyReader>();

/** The export's one grey reader, so its colour table (when worth making) is made once. */
function greyReader(env: ExportEnv): GreyReader {
  let reader = greyReaders.get(env);
  if (!reader) {
    reader = new GreyReader();
    greyReaders.set(env, reader);
  }
  return reader;
}

/**
 * The record of a placed image: measured regions, questions for every level, lineage. Mask
 * paths are filled in by the caller that writes masks; the others leave them null.
 */
export function sampleRecord(
  sample: ExportSample,
  env: ExportEnv,
  placement: { split: Split; group: string },
  placed: PlacedSample,
): SampleRecord {
  const { verdict, sourceDir, stem, image, facts, brightness } = placed;
  const { width, height } = sample;
  const id = `${sourceDir}/${stem}`;
  const { lineage, modelSaid } = lineageReader(env).read(sample.id, verdict, width, height);
  const qaSample: QaSample = {
    id,
    verdict,
    category: sample.category,
    domain: sample.domain,
    imageTypes: sample.defectTypes,
    regions: facts.map((f, i) => ({
      id: f.id,
      type: f.region.defectType,
      areaPct: (100 * f.areaPx) / (width * height),
      bbox: f.bbox,
      fillRatio: f.fillRatio,
      position: f.position,
      brightness: brightness[i] ?? null,
    })),
    taxonomyTypes: taxonomyTypesFor(sample, env),
    texts: { description: sample.texts['4'], analysis: sample.texts['5'] },
    ...(modelSaid ? { modelSaid } : {}),
  };
  return {
    id,
    image,
    width,
    height,
    domain: sample.domain,
    category: sample.category,
    source: sample.source,
    split: placement.split,
    source_split: sample.split,
    group: placement.group,
    verdict,
    regions: facts.map((f) => ({
      id: f.id,
      type: f.region.defectType,
      bbox: f.bbox,
      polygon: f.polygon,
      mask: null,
      area_px: f.areaPx,
      position: f.position,
      shape: f.region.shape.kind,
    })),
    qa: buildQa(qaSample),
    lineage,
  };
}

/** placeSample then sampleRecord, for writers that take one image at a time. */
export async function buildSampleRecord(
  sample: ExportSample,
  env: ExportEnv,
  placement: { split: Split; group: string },
  format: string,
): Promise<BuiltSample> {
  const placed = await placeSample(sample, env, format);
  const record = sampleRecord(sample, env, placement, placed);
  return { record, facts: placed.facts, stem: placed.stem, sourceDir: placed.sourceDir };
}

/**
 * The taxonomy's defect types plausible on this image: its own category's first, then those of
 * other categories of its domain (a PCB defect is no distractor for a ball screw).
 */
function taxonomyTypesFor(sample: ExportSample, env: ExportEnv): string[] {
  const { defectTypes, domains } = env.taxonomy;
  const sameDomain = new Set(domains.find((d) => d.name === sample.domain)?.categories ?? []);
  const own = defectTypes.filter((t) => t.category === sample.category).map((t) => t.name);
  const near = defectTypes
    .filter((t) => t.category !== sample.category && t.category !== null && sameDomain.has(t.category))
    .map((t) => t.name);
  return [...own, ...near];
}
