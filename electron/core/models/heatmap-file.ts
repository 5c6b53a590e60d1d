import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { AppError } from '../../contract/result';
import type { MediaResponse } from '../core-types';
import { decodeSimplePng } from '../evaluation/pixel/png-decode';
import { encodeTurboPng, turboRgba } from '../inference/processing/heatmap';
import type { ProjectStore } from '../store';
import type { PredictionRecord } from '../store/inference-reads';

/**
 * Where a prediction's heat map lies, or null when it has none. Only files under the project's
 * heat-map cache count: an imported predictions file must not make the media route serve
 * arbitrary files.
 */
export function heatmapFile(
  store: ProjectStore,
  prediction: Pick<PredictionRecord, 'anomalyMapPath'>,
): string | null {
  const stored = prediction.anomalyMapPath;
  if (!stored) return null;
  const path = resolve(isAbsolute(stored) ? stored : join(store.dir, stored));
  return path.startsWith(join(store.dir, 'cache', 'heatmaps') + sep) ? path : null;
}

/** The `heatmap` media of a sample: its latest prediction's anomaly map as a PNG. */
export async function readHeatmap(
  store: ProjectStore,
  sampleId: number,
  relPath: string,
): Promise<MediaResponse> {
  const latest = store.latestPredictionRecord(sampleId);
  if (!latest)
    throw new AppError('NOT_FOUND', `${relPath}: no prediction yet, so no heat map; run a model on it first`);
  const pack = `${latest.pack.name} ${latest.pack.version}`;
  const path = heatmapFile(store, latest);
  if (!path) {
    throw new AppError(
      'NOT_FOUND',
      `${relPath}: the latest prediction (${pack}, ${latest.pack.kind}) has no heat map`,
    );
  }
  if (!existsSync(path)) {
    throw new AppError(
      'NOT_FOUND',
      `${relPath}: the heat map of ${pack} is missing from the cache; run the model again with force to rebuild it`,
    );
  }
  return { body: await viewableHeatmap(path), contentType: 'image/png', etag: `"heatmap-${latest.id}"` };
}

/** Coloured maps of the images looked at last: stepping back and forth colours each once. */
const coloured = new Map<string, Buffer>();
const COLOURED_KEPT = 16;

/**
 * The heat map as the viewer draws it (turbo RGBA, alpha = level). Jobs store one grey channel
 * of levels (processing/heatmap.ts), coloured here on first view; maps stored as RGBA by earlier
 * versions are served as they are.
 */
async function viewableHeatmap(path: string): Promise<Buffer> {
  // a forced re-run writes the same path again
  const key = `${path}@${(await stat(path)).mtimeMs}`;
  const known = coloured.get(key);
  if (known) return known;
  const file = await readFile(path);
  const levels = file[25] === GREY_COLOUR_TYPE ? decodeSimplePng(file) : null;
  if (!levels || levels.channels !== 1) return file;
  const body = await encodeTurboPng(turboRgba(levels.data), levels.width, levels.height, 4);
  coloured.set(key, body);
  if (coloured.size > COLOURED_KEPT) coloured.delete(coloured.keys().next().value as string);
  return body;
}

/** IHDR's colour type byte (offset 25 of a PNG): 0 is grey. */
const GREY_COLOUR_TYPE = 0;
