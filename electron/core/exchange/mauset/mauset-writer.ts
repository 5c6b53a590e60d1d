import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Split } from '../../../contract/domain';
import type { ExportEnv, ExportSample, FormatWriter } from '../export-types';
import { TextSink } from '../json-stream';
import { encodeMaskPng } from '../png';
import { chatRecord } from './chat-record';
import { datasetCard } from './dataset-card';
import { buildManifest } from './manifest';
import { buildSampleRecord } from './sample-record';
import { exportSplits } from './split-keys';
import { ExportTally } from './tally';

const FORMAT = 'MAU-Set';

/**
 * MAU-Set v1 (docs/MAU-SET-FORMAT.md): one JSON line per image in train/val/test.jsonl, the same
 * as chat records in sft/, a full-size 0/255 mask per region, manifest.json and DATASET_CARD.md.
 * Splits are decided for all images first (groups must not straddle), then lines stream out.
 */
export async function mausetWriter(env: ExportEnv): Promise<FormatWriter> {
  const splits = exportSplits(env.store, env.sampleIds);
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
  return {
    async add(sample: ExportSample) {
      const placement = splits.get(sample.id) ?? { split: 'train', group: `image:${sample.id}` };
      const { record, facts, stem, sourceDir } = await buildSampleRecord(sample, env, placement, FORMAT);
      const maskDir = `masks/${sourceDir}/${stem}`;
      for (const [i, fact] of facts.entries()) {
        if (fact.areaPx === 0) {
          env.notes.region(
            record.image,
            sample.id,
            fact.region.id,
            'covers no pixel centre: no mask written (area_px 0)',
          );
          continue;
        }
        await env.files.ensureDir(join(env.outDir, maskDir));
        const file = `${maskDir}/${fact.id}.png`;
        await writeFile(
          join(env.outDir, file),
          await encodeMaskPng(fact.bitmap, sample.width, sample.height),
        );
        (record.regions[i] as (typeof record.regions)[number]).mask = file;
      }
      await sinks[record.split].write(`${JSON.stringify(record)}\n`);
      if (record.split !== 'test')
        await chat[record.split].write(`${JSON.stringify(chatRecord(record, record.split))}\n`);
      tally.add(record);
      return record.regions.length;
    },
    skipped(sample, reason) {
      tally.skip(sample.relPath, sample.id, reason);
    },
    async finish() {
      for (const sink of all) await sink.close();
      const options = { reviewedOnly: env.options.reviewedOnly, copyImages: env.options.copyImages };
      const manifest = buildManifest(tally, env.store.summary().name, env.taxonomy, options);
      await writeFile(join(env.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await writeFile(join(env.outDir, 'DATASET_CARD.md'), datasetCard(manifest));
    },
    async abort() {
      await Promise.allSettled(all.map((sink) => sink.close()));
    },
  };
}
