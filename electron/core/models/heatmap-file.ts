import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { AppError } from '../../contract/result';
import type { MediaResponse } from '../core-types';
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
  return { body: await readFile(path), contentType: 'image/png', etag: `"heatmap-${latest.id}"` };
}
