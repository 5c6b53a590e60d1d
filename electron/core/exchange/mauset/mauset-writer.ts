import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Split } from '../../../contract/domain';
import type { ExportEnv, ExportSample, FormatWriter } from '../export-types';
import { TextSink } from '../json-stream';
import { encodeMaskPng } from '../png';
import { chatRecord } from './chat-record';
import { datasetCard } from './dataset-card';
import { buildManifest } from './manifest';
import type { RegionFacts } from './region-facts';
import { placeSample, sampleRecord } from './sample-record';
import { exportSplits } from './split-keys';
import { ExportTally } from './tally';

const FORMAT = 'MAU-Set';

/**
 * MAU-Set v1 (docs/MAU-SET-FORMAT.md): one JSON line per image in train/val/test.jsonl, the same
 * as chat records in sft/, a full-size 0/255 mask per region, manifest.json and DATASET_CARD.md.
 * Splits are decided for all images first (groups must not straddle), then lines stream out in
 * image order while the file work of the next images (links, decodes, masks) runs ahead.
 */
export async function mausetWriter(env: ExportEnv): Promise<FormatWriter> {
  const { placements: splits, nearDuplicates } = await exportSplits(env.store, env.sampleIds);
  await env.files.ensureDir(join(env.outDir, 'sft'));
  const sinks = {
    train: await TextSink.create(join(env.outDir, 'train.jsonl')),
    val: await TextSink.create(join(env.outDir, 'val.jsonl')),
    test: await TextSink.create(join(env.outDir, 'test.jsonl')),
  } satisfies Record<Split, TextSink>;
  const chat = {
    train: await TextSink.create(join(env.outDir, 'sft', 'train.jsonl')),
    val: await TextSink.create(join(env.outDir, 'sft', 'val.jsonl')),
  };
  const all = [...Object.values(sinks), ...Object.values(chat)];
  const tally = new ExportTally();
  /** The file work of one image (may overlap others); the commit writes its lines in order. */
  const prepare = async (sample: ExportSample) => {
    const placed = await placeSample(sample, env, FORMAT);
    const maskDir = `masks/${placed.sourceDir}/${placed.stem}`;
    const masks = await Promise.all(
      placed.facts.map(async (fact) => {
        if (fact.areaPx === 0) return null;
        await env.files.ensureDir(join(env.outDir, maskDir));
        const file = `${maskDir}/${fact.id}.png`;
        const png = await encodeMaskPng(fact.bitmap, sample.width, sample.height);
        await writeFile(join(env.outDir, file), png);
        return file;
      }),
    );
    return async () => {
      const placement = splits.get(sample.id) ?? { split: 'train', group: `image:${sample.id}` };
      const record = sampleRecord(sample, env, placement, placed);
      for (const [i, file] of masks.entries()) {
        const region = record.regions[i] as (typeof record.regions)[number];
        if (file !== null) region.mask = file;
        else
          env.notes.region(
            record.image,
            sample.id,
            (placed.facts[i] as RegionFacts).region.id,
            'covers no pixel centre: no mask written (area_px 0)',
          );
      }
      await sinks[record.split].write(`${JSON.stringify(record)}\n`);
      if (record.split !== 'test')
        await chat[record.split].write(`${JSON.stringify(chatRecord(record, record.split))}\n`);
      tally.add(record);
      return record.regions.length;
    };
  };
  return {
    prepare,
    async add(sample: ExportSample) {
      return (await prepare(sample))();
    },
    skipped(sample, reason) {
      tally.skip(sample.relPath, sample.id, reason);
    },
    async finish() {
      for (const sink of all) await sink.close();
      const options = { reviewedOnly: env.options.reviewedOnly, copyImages: env.options.copyImages };
      const manifest = buildManifest(tally, env.store.summary().name, env.taxonomy, options, nearDuplicates);
      await writeFile(join(env.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await writeFile(join(env.outDir, 'DATASET_CARD.md'), datasetCard(manifest));
      if (nearDuplicates.acrossSplits > 0) {
        env.notes.whole(
          `${nearDuplicates.acrossSplits} pairs of near-duplicate images are in different splits: joining every ` +
            `look-alike would have made groups of more than ${nearDuplicates.maxGroup} images (see DATASET_CARD.md, Splits)`,
        );
      }
    },
    async abort() {
      await Promise.allSettled(all.map((sink) => sink.close()));
    },
  };
}
