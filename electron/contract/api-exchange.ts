import { z } from 'zod';
import { SampleFilter } from './domain';
import { JobId } from './ids';
import { Path, type MethodTable } from './api-common';

/** `mauset`: MAU-Set-style training data (docs/MAU-SET-FORMAT.md); `mmad`: MMAD-style question files. */
export const ExportFormat = z.enum([
  'coco',
  'labelme',
  'yolo-detect',
  'yolo-segment',
  'mvtec',
  'mauset',
  'mmad',
]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** How each format is named to people: job titles, reports, the export screen. */
export const EXPORT_FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  coco: 'COCO',
  labelme: 'LabelMe',
  'yolo-detect': 'YOLO detect',
  'yolo-segment': 'YOLO segment',
  mvtec: 'MVTec AD',
  mauset: 'MAU-Set',
  mmad: 'MMAD questions',
};

export const ExportOptions = z
  .object({
    format: ExportFormat,
    /** Created if missing; must be empty, so an export never mixes with older files. */
    outDir: Path,
    /** Which images (default: all). */
    filter: SampleFilter.default({}),
    /** Copy the image files; otherwise hard-link them (symbolic link or copy where that fails). */
    copyImages: z.boolean().default(false),
    /** Only images a reviewer decided (review state ok, ng or corrected), within the filter. */
    reviewedOnly: z.boolean().default(false),
  })
  .strict();
export type ExportOptionsInput = z.input<typeof ExportOptions>;
export type ExportOptions = z.output<typeof ExportOptions>;

/**
 * Something the format could not hold, or held only approximately. `sample` and `region` are
 * null for notes about the whole export (e.g. "YOLO has no place for the image verdict").
 */
export const NotRepresentable = z.object({
  /** The image as written in the export, relative to outDir (or the project path when skipped). */
  file: z.string(),
  sample: z.number().int().positive().nullable(),
  region: z.number().int().positive().nullable(),
  reason: z.string(),
});
export type NotRepresentable = z.infer<typeof NotRepresentable>;

export const ExportReport = z.object({
  format: ExportFormat,
  outDir: z.string(),
  /** Images written. */
  exported: z.number().int().nonnegative(),
  /** Images not written at all (e.g. an unreadable file); each has a notRepresentable entry. */
  skipped: z.number().int().nonnegative(),
  /** Regions written, each counted once however many objects it became. */
  regions: z.number().int().nonnegative(),
  notRepresentable: z.array(NotRepresentable),
  elapsedMs: z.number().nonnegative(),
});
export type ExportReport = z.infer<typeof ExportReport>;

/** Writing the project's labels in other tools' formats; reading them back is `import:start`. */
export const exchangeApi = {
  'export:start': { input: ExportOptions, output: z.object({ jobId: JobId }) },
  /** The report of a finished export job (also written as export-report.json in outDir). */
  'export:report': { input: z.object({ jobId: JobId }).strict(), output: ExportReport },
} as const satisfies MethodTable;
