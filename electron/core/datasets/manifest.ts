import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Split, type Verdict } from '../../contract';
import { parseCsv, type CsvRecord } from './csv';
import { DirIndex } from './dir-index';
import { mapLimit } from './map-limit';
import { resolveInside } from './paths';
import type { ScanContext } from './types';

export const MANIFEST = 'manifest.csv';
const COLUMNS = [
  'image',
  'label',
  'annotation',
  'defect_types',
  'width',
  'height',
  'split',
  'fixture',
] as const;

/** One usable row of a dataset's manifest.csv, its image known to exist. */
export type ManifestRow = {
  line: number;
  image: string;
  imagePath: string;
  verdict: Verdict | null;
  annotation: string | null;
  annotationPath: string | null;
  defectTypes: string[];
  width: number | null;
  height: number | null;
  split: Split | null;
};

/**
 * The rows of `<root>/manifest.csv` (fixture rows only when asked). A bad value costs only that
 * value, with a problem naming the line; a row whose image is missing or outside the folder is
 * dropped with a problem. Null when there is no manifest.
 */
export async function readManifest(context: ScanContext): Promise<ManifestRow[] | null> {
  let text: string;
  try {
    text = await readFile(join(context.root, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    context.problems.push({ file: MANIFEST, reason: `cannot read: ${(error as Error).message}` });
    return [];
  }
  const problem = (line: number, reason: string) =>
    context.problems.push({ file: MANIFEST, reason: `line ${line}: ${reason}` });
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    context.problems.push({ file: MANIFEST, reason: (error as Error).message });
    return [];
  }
  const [header, ...body] = records;
  const columns = header?.fields.map((name) => name.trim()) ?? [];
  const missing = COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    const reason = `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
    context.problems.push({ file: MANIFEST, reason });
    return [];
  }
  const rows = body
    .map(({ line, fields }) => ({
      line,
      cells: Object.fromEntries(columns.map((name, i) => [name, (fields[i] ?? '').trim()])),
    }))
    .filter(({ cells }) => !context.fixtureOnly || cells.fixture === '1');
  const files = new DirIndex();
  const parsed = await mapLimit(
    rows,
    16,
    (row) => parseRow(context, files, row.cells, row.line, problem),
    context.signal,
  );
  return parsed.filter((row): row is ManifestRow => row !== null);
}

async function parseRow(
  context: ScanContext,
  files: DirIndex,
  cells: Record<string, string>,
  line: number,
  problem: (line: number, reason: string) => void,
): Promise<ManifestRow | null> {
  const image = cells.image ?? '';
  const imagePath = image ? resolveInside(context.root, context.root, image) : null;
  if (!imagePath) {
    problem(line, image ? `image ${image} points outside the dataset folder` : 'no image path');
    return null;
  }
  if (!(await files.hasFile(imagePath))) {
    context.problems.push({ file: image, reason: `listed in ${MANIFEST} (line ${line}) but missing` });
    return null;
  }
  const annotation = cells.annotation || null;
  const annotationPath = annotation ? resolveInside(context.root, context.root, annotation) : null;
  if (annotation && !annotationPath)
    problem(line, `annotation ${annotation} points outside the dataset folder`);
  const split = cells.split ? Split.safeParse(cells.split) : null;
  if (split && !split.success) problem(line, `split "${cells.split}" is not train, val or test`);
  return {
    line,
    image,
    imagePath,
    verdict: verdictOf(cells.label ?? '', line, problem),
    annotation,
    annotationPath,
    defectTypes: (cells.defect_types ?? '')
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean),
    width: sizeOf(cells.width ?? '', 'width', line, problem),
    height: sizeOf(cells.height ?? '', 'height', line, problem),
    split: split?.success ? split.data : null,
  };
}

function verdictOf(
  label: string,
  line: number,
  problem: (line: number, reason: string) => void,
): Verdict | null {
  if (label === 'normal') return 'OK';
  if (label === 'defect') return 'NG';
  problem(line, `label "${label}" is not normal or defect`);
  return null;
}

function sizeOf(text: string, name: string, line: number, problem: (line: number, reason: string) => void) {
  if (text === '') return null;
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  problem(line, `${name} "${text}" is not a positive whole number`);
  return null;
}
