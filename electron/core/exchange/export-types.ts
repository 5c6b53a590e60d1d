import type { Region, SampleDetail, Taxonomy } from '../../contract';
import type { ExportOptions } from '../../contract/api-exchange';
import type { Texts } from '../../contract/review';
import type { ProjectStore } from '../store';
import type { ImageFiles } from './image-files';
import type { ExportNotes } from './notes';

/** An image as the writers see it: its detail and its texts per task level. */
export type ExportSample = SampleDetail & { texts: Texts };

/** What every format writer is given. */
export type ExportEnv = {
  outDir: string;
  taxonomy: Taxonomy;
  notes: ExportNotes;
  files: ImageFiles;
  /** For formats that record more than the label (lineage, leak-free splits): read only. */
  store: ProjectStore;
  /** The images this export goes through, in order (some may still be skipped). */
  sampleIds: readonly number[];
  options: ExportOptions;
};

/** The ordered half of a prepared image: writes it and returns how many regions it wrote. */
export type Commit = () => Promise<number>;

/** One format: images in, files out. */
export interface FormatWriter {
  /**
   * Writes one image and its labels and returns how many regions were written. Throws
   * SkipSample when the image itself cannot be written.
   */
  add(sample: ExportSample): Promise<number>;
  /**
   * The same work as `add`, split for formats that can overlap images: the returned promise does
   * what may run while other images are prepared (placing files, decoding, encoding masks) and
   * resolves to a commit that the export calls strictly in image order, which writes the shared
   * files and notes. Rejects (or the commit throws) SkipSample as `add` would.
   */
  prepare?(sample: ExportSample): Promise<Commit>;
  /** Writes what depends on all images (annotations.json, data.yaml). */
  finish(): Promise<void>;
  /** Told of every image the export skips (by the writer or before it), for formats that list them. */
  skipped?(sample: ExportSample, reason: string): void;
  /** Releases open files when the export stops early (cancelled or failed). */
  abort?(): Promise<void>;
}

export type WriterFactory = (env: ExportEnv) => Promise<FormatWriter>;

/**
 * The regions with a defect type; each one without is noted, since COCO, YOLO and MVTec need
 * a class for every object and inventing one ("untyped") would put a false class in training data.
 */
export function typedRegions(sample: ExportSample, file: string, env: ExportEnv, format: string): Region[] {
  return sample.regions.filter((region) => {
    if (region.defectType !== null) return true;
    env.notes.region(
      file,
      sample.id,
      region.id,
      `has no defect type; ${format} needs a class for every object, so it is not written`,
    );
    return false;
  });
}
