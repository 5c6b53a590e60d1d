import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Problem } from '../../contract/domain';
import type { PredictionsImportReport } from '../../contract/review';
import { AppError, isAppError } from '../../contract/result';
import type { ProjectStore } from '../store';
import { putPrediction } from '../store/predictions';
import { stmt } from '../store/sql';
import { describeIssue, PredictionRecord, PredictionsFileHeader } from './predictions-file';

const MAX_FILE_BYTES = 1024 * 1024 * 1024;

type Target = { id: number; contentHash: string | null };
type Index = { byPath: Map<string, Target>; byName: Map<string, Target[]> };

const normalise = (path: string) => path.replace(/\\/g, '/').replace(/^\.\//, '');

function indexSamples(store: ProjectStore): Index {
  const rows = stmt(
    store.db,
    'SELECT id, rel_path AS relPath, file_name AS fileName, content_hash AS contentHash FROM samples',
  ).all() as (Target & { relPath: string; fileName: string })[];
  const index: Index = { byPath: new Map(), byName: new Map() };
  for (const row of rows) {
    const target = { id: row.id, contentHash: row.contentHash };
    index.byPath.set(normalise(row.relPath), target);
    index.byName.set(row.fileName, [...(index.byName.get(row.fileName) ?? []), target]);
  }
  return index;
}

/** The image a record names: its relative path, else a file name that only one image has. */
function match(index: Index, image: string): Target | string {
  const byPath = index.byPath.get(normalise(image));
  if (byPath) return byPath;
  const named = index.byName.get(basename(normalise(image))) ?? [];
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    return `"${image}" matches ${named.length} images by file name; give its relative path`;
  return `no image "${image}" in this project`;
}

function readHeader(file: string): PredictionsFileHeader {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES)
      throw new AppError('INVALID_INPUT', `${file}: larger than 1 GB`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('NOT_FOUND', `${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${file}: not JSON (${(error as Error).message})`);
  }
  const header = PredictionsFileHeader.safeParse(json);
  if (!header.success) throw new AppError('INVALID_INPUT', `${file}: ${describeIssue('', header.error)}`);
  return header.data;
}

export type PredictionsImport = {
  report: PredictionsImportReport;
  /** Images that got a new prediction, and the pack row it points at (for the change event). */
  changed: { sampleIds: number[]; packRowId: number | null };
};

type Outcome = { created: boolean; packRowId: number; sampleId: number } | { problem: string };

/** One record: checked, matched to an image and stored, or the reason it was not. */
function importRecord(
  store: ProjectStore,
  header: PredictionsFileHeader,
  index: Index,
  raw: unknown,
  where: string,
): Outcome {
  const record = PredictionRecord.safeParse(raw);
  if (!record.success) return { problem: describeIssue(where, record.error) };
  const target = match(index, record.data.image);
  if (typeof target === 'string') return { problem: `${where}.image: ${target}` };
  if (!target.contentHash) return { problem: `${where}.image: the image was never readable` };
  const { score, regions, texts } = record.data;
  const verdict =
    record.data.verdict ?? (score === null ? null : score >= header.model.threshold ? 'NG' : 'OK');
  try {
    const stored = putPrediction(store.db, {
      sampleId: target.id,
      modelPack: header.model,
      contentHash: target.contentHash,
      score,
      verdict,
      anomalyMapPath: null,
      regions,
      texts,
    });
    return { ...stored, sampleId: target.id };
  } catch (error) {
    // The record's own savepoint was rolled back; the file goes on.
    if (!isAppError(error)) throw error;
    return { problem: `${where}: ${error.message}` };
  }
}

/** Imports a predictions file in one transaction; bad records become problems, not failures. */
export function importPredictions(store: ProjectStore, rawFile: string): PredictionsImport {
  const file = resolve(rawFile);
  const header = readHeader(file);
  const index = indexSamples(store);
  const problems: Problem[] = [];
  const changed: PredictionsImport['changed'] = { sampleIds: [], packRowId: null };
  let unchanged = 0;
  store.transaction(() => {
    header.predictions.forEach((raw, i) => {
      const outcome = importRecord(store, header, index, raw, `predictions[${i}]`);
      if ('problem' in outcome) return void problems.push({ file, reason: outcome.problem });
      changed.packRowId = outcome.packRowId;
      if (outcome.created) changed.sampleIds.push(outcome.sampleId);
      else unchanged++;
    });
  });
  const imported = changed.sampleIds.length;
  return { report: { file, records: header.predictions.length, imported, unchanged, problems }, changed };
}
