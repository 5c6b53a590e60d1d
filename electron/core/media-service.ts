import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type MediaKind } from '../contract';
import type { MediaResponse } from './core-types';
import { makeThumbnail, readRawPixels, renderDisplayImage } from './media';
import { readHeatmap } from './models/heatmap-file';
import type { ProjectSession } from './project-session';
import { encodeRawHeader } from '../contract';
import { readFile } from 'node:fs/promises';

/** Image bytes for the transports' media URLs; only files inside the project's image roots. */
export async function readMedia(
  session: ProjectSession,
  kind: MediaKind,
  sampleId: number,
): Promise<MediaResponse> {
  const store = session.require();
  const sample = store.sampleDetail(sampleId);
  if (!sample) throw new AppError('NOT_FOUND', `no sample ${sampleId} in this project`);
  // a heat map lives in the project cache, so it does not need the source image to be reachable
  if (kind === 'heatmap') return readHeatmap(store, sampleId, sample.relPath);
  if (!store.isInsideImageRoots(sample.path)) {
    throw new AppError('FORBIDDEN', `${sample.path} is outside the project's image folders`);
  }
  if (!existsSync(sample.path)) throw new AppError('NOT_FOUND', `${sample.path}: file moved or deleted`);
  const etag = `"${kind}-${sample.contentHash.slice(0, 32)}"`;
  try {
    if (kind === 'thumb') {
      const hash = sample.contentHash;
      const thumbPath = join(store.dir, 'cache', 'thumbs', hash.slice(0, 2), `${hash}.jpg`);
      if (!existsSync(thumbPath)) await makeThumbnail(sample.path, thumbPath, { size: 256 });
      return { body: await readFile(thumbPath), contentType: 'image/jpeg', etag };
    }
    if (kind === 'raw') {
      const raw = await readRawPixels(sample.path);
      return {
        body: Buffer.concat([encodeRawHeader(raw.header), raw.pixels]),
        contentType: 'application/octet-stream',
        etag,
      };
    }
    const display = await renderDisplayImage(sample.path);
    return { body: display.body, contentType: display.contentType, etag };
  } catch (error) {
    throw new AppError('IO_ERROR', `${sample.relPath}: ${(error as Error).message}`);
  }
}
