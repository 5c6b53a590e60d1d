import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportEnv, ExportSample, FormatWriter } from './export-types';
import { folderName } from './names';
import { encodeMaskPng } from './png';
import { paintShape } from './rasterise';
import { tallyUnkept } from './verdict-notes';

const GOOD = 'good';

/**
 * MVTec AD: `<category>/{train,test}/<defect type|good>/<name>` and, for defects, one full-size
 * 0/255 mask of all regions in `<category>/ground_truth/<type>/<stem>_mask.png`. One type and
 * one mask per image is all the layout holds; everything finer is noted.
 */
export async function mvtecWriter(env: ExportEnv): Promise<FormatWriter> {
  return {
    async add(sample: ExportSample) {
      const { name, stem } = env.files.reserve(sample.fileName, sample.id);
      const isDefect = sample.regions.length > 0 || sample.verdict === 'NG';
      const category = folderOf(sample.category ?? 'unsorted', 'category', env);
      if (sample.category === null) env.notes.tally('no category; written under unsorted/');
      const typeNotes: string[] = [];
      const type = isDefect ? defectFolder(sample, typeNotes, env) : GOOD;
      const split = isDefect || sample.split !== 'train' ? 'test' : 'train';
      const file = `${category}/${split}/${type}/${name}`;
      await env.files.place(sample.path, file);
      for (const note of typeNotes) env.notes.image(file, sample.id, note);
      noteSplit(sample, isDefect, env);
      noteVerdict(sample, isDefect, file, env);
      tallyUnkept(sample, env, 'MVTec', ['domain', 'partId']);
      if (sample.regions.length === 0) {
        if (isDefect) env.notes.image(file, sample.id, 'verdict NG without regions: no mask written');
        return 0;
      }
      const bitmap = new Uint8Array(sample.width * sample.height);
      let written = 0;
      for (const region of sample.regions) {
        const covered = paintShape(bitmap, sample.width, sample.height, region.shape);
        const note = (reason: string) => env.notes.region(file, sample.id, region.id, reason);
        if (covered === 0) note(`${region.shape.kind} covers no pixel centre; nothing of it is in the mask`);
        else written++;
        if (covered > 0 && region.shape.kind !== 'mask')
          note(`${region.shape.kind}: rasterised into the pixel mask`);
      }
      if (sample.regions.length > 1)
        env.notes.image(
          file,
          sample.id,
          `${sample.regions.length} regions merged into one mask (MVTec has one mask per image)`,
        );
      if (written > 0) {
        const dir = join(env.outDir, category, 'ground_truth', type);
        await env.files.ensureDir(dir);
        await writeFile(
          join(dir, `${stem}_mask.png`),
          await encodeMaskPng(bitmap, sample.width, sample.height),
        );
      }
      return written;
    },
    async finish() {},
  };
}

/** The one defect folder of an image: its type, `combined` for several, `defect` for none. */
function defectFolder(sample: ExportSample, notes: string[], env: ExportEnv): string {
  const fromRegions = sample.regions.map((r) => r.defectType).filter((t): t is string => t !== null);
  const types = [...new Set(fromRegions.length > 0 ? fromRegions : sample.defectTypes)].sort();
  if (sample.regions.some((r) => r.defectType === null))
    notes.push('has regions without a defect type; MVTec files them under the image type');
  if (types.length === 1) return folderOf(types[0] as string, 'defect type', env);
  if (types.length > 1) {
    notes.push(`has defect types ${types.join(', ')}; MVTec holds one per image: written as combined`);
    return 'combined';
  }
  notes.push('has no defect type; written as defect');
  return 'defect';
}

function folderOf(name: string, what: string, env: ExportEnv): string {
  const folder = folderName(name);
  if (folder !== name)
    env.notes.tally(`${what} "${name}" is not a valid folder name; written as "${folder}"`);
  if (what === 'defect type' && folder === GOOD)
    env.notes.tally(`defect type "good" reads back as a defect-free image`);
  return folder;
}

function noteSplit(sample: ExportSample, isDefect: boolean, env: ExportEnv): void {
  if (isDefect && sample.split !== 'test' && sample.split !== null)
    env.notes.tally(`MVTec keeps defect images in test/: ${sample.split} images with defects written there`);
  else if (!isDefect && sample.split === 'val')
    env.notes.tally('MVTec has no val split: val images written under test/');
  else if (sample.split === null) env.notes.tally('no split; written under test/');
}

function noteVerdict(sample: ExportSample, isDefect: boolean, file: string, env: ExportEnv): void {
  const { verdict } = sample;
  if (verdict === 'unsure')
    env.notes.image(
      file,
      sample.id,
      `verdict unsure: MVTec has no place for it; reads back as ${isDefect ? 'NG' : 'OK'}`,
    );
  else if (verdict === 'OK' && isDefect)
    env.notes.image(file, sample.id, 'verdict OK, but it has regions: reads back as NG');
  else if (verdict === null && isDefect)
    env.notes.image(file, sample.id, 'no verdict, but it has regions: reads back as NG');
  else if (verdict === null) env.notes.tally('no verdict and no regions; written as good');
}
