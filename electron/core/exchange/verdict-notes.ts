import type { ExportEnv, ExportSample } from './export-types';

/**
 * LabelMe and YOLO say an image's verdict only through its label file: written with regions it
 * reads back as NG, written empty as OK, not written as unknown. Writes the file when there is
 * anything to say and notes every verdict that will not read back as it is.
 */
export function labelFileNeeded(
  sample: ExportSample,
  regionsWritten: number,
  file: string,
  env: ExportEnv,
  format: string,
): boolean {
  const note = (reason: string) => env.notes.image(file, sample.id, reason);
  const { verdict } = sample;
  if (verdict === 'unsure')
    note(`verdict unsure: ${format} has no place for it; reads back as ${regionsWritten > 0 ? 'NG' : 'OK'}`);
  else if (verdict === 'NG' && regionsWritten === 0)
    note(`verdict NG, but no region was written: an empty label file reads back as OK`);
  else if (verdict === 'OK' && regionsWritten > 0) note(`verdict OK, but it has regions: reads back as NG`);
  else if (verdict === null && regionsWritten > 0) note(`no verdict, but it has regions: reads back as NG`);
  return verdict !== null || regionsWritten > 0;
}

/** Image facts a format has no place for (texts never have one), counted once per export. */
export function tallyUnkept(
  sample: ExportSample,
  env: ExportEnv,
  format: string,
  facts: readonly ('split' | 'category' | 'domain' | 'partId')[],
): void {
  const names = { split: 'split', category: 'category', domain: 'domain', partId: 'part id' };
  for (const fact of facts) {
    if (sample[fact] !== null) env.notes.tally(`${format} has no place for the ${names[fact]}; not written`);
  }
  if (Object.keys(sample.texts).length > 0)
    env.notes.tally(`${format} has no place for the image texts (task levels L1-L5); not written`);
}
