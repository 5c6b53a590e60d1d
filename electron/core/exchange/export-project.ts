import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../contract';
import {
  EXPORT_FORMAT_NAMES,
  ExportOptions,
  type ExportFormat,
  type ExportOptionsInput,
  type ExportReport,
} from '../../contract/api-exchange';
import type { JobContext } from '../jobs/job-manager';
import type { ProjectStore } from '../store';
import { sampleDetailsWithTexts } from '../store/export-batch-queries';
import { cocoWriter } from './coco-export';
import { writeInOrder } from './export-pipeline';
import type { ExportEnv, ExportSample, WriterFactory } from './export-types';
import { ImageFiles } from './image-files';
import { labelMeWriter } from './labelme-export';
import { assertSomeLabel, mausetWriter } from './mauset';
import { mmadWriter } from './mmad';
import { mvtecWriter } from './mvtec-export';
import { ExportNotes } from './notes';
import { prepareOutDir } from './out-dir';
import { yoloWriter } from './yolo-export';

/** What an export reports progress to; every part optional, so a CLI or a test can pass `{}`. */
export type ExportContext = Partial<
  Pick<JobContext, 'signal' | 'setTotal' | 'advance' | 'problem' | 'message'>
>;

export const REPORT_FILE = 'export-report.json';

const WRITERS: Readonly<Record<ExportFormat, WriterFactory>> = {
  coco: cocoWriter,
  labelme: labelMeWriter,
  'yolo-detect': yoloWriter('detect'),
  'yolo-segment': yoloWriter('segment'),
  mvtec: mvtecWriter,
  mauset: mausetWriter,
  mmad: mmadWriter,
};

/** Formats that are the labels and nothing else: a project without any has nothing to write. */
const NEED_LABELS: ReadonlySet<ExportFormat> = new Set(['mauset', 'mmad']);

const PROGRESS_EVERY = 100;

/**
 * Writes the project's current labels (every live region, whoever drew it) of the images the
 * filter selects, in one format, into an empty folder, with `export-report.json` listing all
 * that the format could not hold. Images are read as the export reaches them, a few in flight
 * at once (export-pipeline), so memory stays flat.
 */
export async function exportProject(
  store: ProjectStore,
  input: ExportOptionsInput,
  context: ExportContext = {},
): Promise<ExportReport> {
  const started = performance.now();
  const parsed = ExportOptions.safeParse(input);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `export options: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const options = parsed.data;
  const outDir = resolve(options.outDir);
  const ids = selectedIds(store, options);
  checkExportable(store, options, ids);
  await prepareOutDir(outDir, store.dir);
  context.setTotal?.(ids.length);
  context.message?.(`exporting ${ids.length} images as ${EXPORT_FORMAT_NAMES[options.format]}`);
  const notes = new ExportNotes(context.problem);
  const env: ExportEnv = {
    outDir,
    taxonomy: store.taxonomy(),
    notes,
    files: new ImageFiles(outDir, options.copyImages),
    store,
    sampleIds: ids,
    options,
  };
  const writer = await WRITERS[options.format](env);
  const counts = { exported: 0, skipped: 0, regions: 0 };
  let [done, failed] = [0, 0];
  const onWritten = (written: number | null) => {
    if (written === null) {
      counts.skipped++;
      failed++;
    } else {
      counts.exported++;
      counts.regions += written;
    }
    if (++done === PROGRESS_EVERY) {
      context.advance?.(done, failed);
      [done, failed] = [0, 0];
    }
  };
  try {
    await writeInOrder(exportSamples(store, ids), writer, notes, onWritten, context.signal);
    await writer.finish();
  } catch (error) {
    await writer.abort?.();
    throw error;
  }
  context.advance?.(done, failed);
  const report: ExportReport = {
    format: options.format,
    outDir,
    ...counts,
    notRepresentable: notes.finish(),
    elapsedMs: Math.round(performance.now() - started),
  };
  await writeFile(join(outDir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/**
 * Refuses, before any folder is made, an export of labels from images that have none; the
 * handler calls it too, so the user gets an answer instead of a failed job.
 */
export function checkExportable(
  store: ProjectStore,
  options: ExportOptions,
  ids = selectedIds(store, options),
): void {
  if (NEED_LABELS.has(options.format)) assertSomeLabel(store, ids, EXPORT_FORMAT_NAMES[options.format]);
}

const REVIEWED_STATES = ['ok', 'ng', 'corrected'] as const;

/** The filter's images; with `reviewedOnly`, only those a reviewer decided. */
function selectedIds(store: ProjectStore, options: ExportOptions): number[] {
  if (!options.reviewedOnly) return store.sampleIds(options.filter, 'path');
  const asked = options.filter.reviewStates;
  const states = REVIEWED_STATES.filter((state) => !asked?.length || asked.includes(state));
  // An empty list would mean "any state" to the filter, not "none".
  return states.length === 0 ? [] : store.sampleIds({ ...options.filter, reviewStates: states }, 'path');
}

/** Images read per query round: few queries, and still only a little ahead of the writing. */
const READ_CHUNK = 200;

/** The images with their texts, read as the export reaches them; deleted ones are passed over. */
function* exportSamples(store: ProjectStore, ids: readonly number[]): Generator<ExportSample> {
  for (let at = 0; at < ids.length; at += READ_CHUNK) {
    const chunk = ids.slice(at, at + READ_CHUNK);
    const details = sampleDetailsWithTexts(store.db, chunk);
    for (const id of chunk) {
      const detail = details.get(id);
      if (detail) yield detail;
    }
  }
}
