import { join } from 'node:path';
import type { QaLevel } from '../../mauset-qa';
import type { ExportEnv, ExportSample, FormatWriter } from '../export-types';
import { JsonArrayWriter, TextSink } from '../json-stream';
import type { QaRecord } from '../mauset/record-schema';
import { buildSampleRecord } from '../mauset/sample-record';
import { exportSplits } from '../mauset/split-keys';
import { MMAD_FILE, MMAD_TYPE_OF_LEVEL, type MmadQuestion } from './mmad-schema';

const FORMAT = 'MMAD';

/**
 * MMAD-style question files: `mmad.json`, a list of {image, conversation} with one multiple-choice
 * question per task level, the same questions (same options, same order) as a MAU-Set export of
 * the same images. Images go to images/<source>/ as in MAU-Set.
 */
export async function mmadWriter(env: ExportEnv): Promise<FormatWriter> {
  const splits = (await exportSplits(env.store, env.sampleIds)).placements;
  const sink = await TextSink.create(join(env.outDir, MMAD_FILE));
  await sink.write('[');
  const list = new JsonArrayWriter(sink);
  env.notes.tally(
    `${FORMAT} holds multiple-choice questions only: regions, masks, open answers and lineage are not written`,
  );
  return {
    async add(sample: ExportSample) {
      const placement = splits.get(sample.id) ?? { split: 'train', group: `image:${sample.id}` };
      const { record } = await buildSampleRecord(sample, env, placement, FORMAT);
      const conversation = record.qa.filter((qa) => qa.form === 'closed').map(toMmad);
      await list.push({ image: record.image, conversation });
      return record.regions.length;
    },
    async finish() {
      await sink.write('\n]\n');
      await sink.close();
    },
    async abort() {
      await sink.close().catch(() => {});
    },
  };
}

/** A closed MAU-Set question as an MMAD one. */
export function toMmad(qa: QaRecord): MmadQuestion {
  return {
    Question: qa.question,
    Options: qa.options ?? {},
    Answer: qa.answer as MmadQuestion['Answer'],
    type: MMAD_TYPE_OF_LEVEL[qa.level as QaLevel],
  };
}
