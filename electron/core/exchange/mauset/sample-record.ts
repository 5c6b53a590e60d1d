import type { Split } from '../../../contract/domain';
import { buildQa, type QaSample } from '../../mauset-qa';
import type { ExportEnv, ExportSample } from '../export-types';
import { folderName } from '../names';
import { regionBrightness } from './brightness';
import { lineageOf } from './lineage';
import type { SampleRecord } from './record-schema';
import { regionFacts, type RegionFacts } from './region-facts';
import { recordVerdict } from './verdict';

export type BuiltSample = { record: SampleRecord; facts: RegionFacts[]; stem: string; sourceDir: string };

/**
 * Places one image in the export and builds its record: measured regions, questions for every
 * level, lineage. Throws SkipSample when the image cannot be exported (its reason says why).
 * Mask paths are filled in by the caller that writes masks; the others leave them null.
 */
export async function buildSampleRecord(
  sample: ExportSample,
  env: ExportEnv,
  placement: { split: Split; group: string },
  format: string,
): Promise<BuiltSample> {
  const verdict = recordVerdict(sample, env, format);
  const sourceDir = folderName(sample.source);
  const { name, stem } = env.files.reserve(sample.fileName, sample.id);
  const image = `images/${sourceDir}/${name}`;
  await env.files.place(sample.path, image);
  const { width, height } = sample;
  const facts = sample.regions.map((region, i) => regionFacts(region, i, width, height));
  const brightness = await regionBrightness(sample.path, width, height, facts).catch(() =>
    facts.map(() => null),
  );
  const id = `${sourceDir}/${stem}`;
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
  };
  const record: SampleRecord = {
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
    lineage: lineageOf(env.store, sample.id, verdict),
  };
  return { record, facts, stem, sourceDir };
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
