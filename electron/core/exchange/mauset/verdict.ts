import { SkipSample } from '../image-files';
import type { ExportEnv, ExportSample } from '../export-types';

/**
 * The verdict a MAU-Set record states. Only decided truth is training data: an unsure image,
 * or one whose label contradicts itself, is skipped with the reason (and listed in the manifest).
 */
export function recordVerdict(sample: ExportSample, env: ExportEnv, format: string): 'OK' | 'NG' {
  const regions = sample.regions.length;
  switch (sample.verdict) {
    case 'NG':
      return 'NG';
    case 'OK':
      if (regions > 0)
        throw new SkipSample(
          `verdict OK, but it has ${regions} region(s): the label contradicts itself; not exported`,
        );
      return 'OK';
    case 'unsure':
      throw new SkipSample(`verdict unsure: ${format} holds decided images only; not exported`);
    case null:
      if (regions === 0)
        throw new SkipSample('no verdict and no regions: nothing says whether it is OK; not exported');
      env.notes.tally(`no verdict, but regions: written as NG`);
      return 'NG';
  }
}
