import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, encodeRawHeader, type MediaKind, type SampleId } from '../contract';
import type { MediaResponse } from './core-types';
import { makePreview, makeThumbnail, previewPathFor, readRawPixels, renderDisplayImage } from './media';
import { readHeatmap } from './models/heatmap-file';
import type { ProjectSession } from './project-session';
import type { ProjectStore } from './store';

/** A cached rendition (thumbnail, preview) as stored, or made now and kept for the next request. */
async function cachedRendition(cachePath: string, make: () => Promise<unknown>): Promise<Buffer> {
  if (!existsSync(cachePath)) await make();
  return readFile(cachePath);
}

/**
 * Thumbnails recently served, by file (named by content hash, so never stale): a grid screen
 * asks for dozens at once and a scroll back or a reload asks again. About 3 KiB each.
 */
const recentThumbs = new Map<string, Buffer>();
const RECENT_THUMBS = 4096;

/**
 * A thumbnail's bytes. Read synchronously: a few KiB from the page cache take microseconds,
 * where an async read is four trips through the thread pool, and a first grid screen of 50
 * thumbnails waited on those trips more than on anything else the server did.
 */
async function thumbBytes(thumbPath: string, make: () => Promise<unknown>): Promise<Buffer> {
  const known = recentThumbs.get(thumbPath);
  if (known) {
    recentThumbs.delete(thumbPath);
    recentThumbs.set(thumbPath, known);
    return known;
  }
  if (!existsSync(thumbPath)) await make();
  const body = readFileSync(thumbPath);
  recentThumbs.set(thumbPath, body);
  if (recentThumbs.size > RECENT_THUMBS) recentThumbs.delete(recentThumbs.keys().next().value as string);
  return body;
}

/** Each sample's thumbnail as a data: URL, or why it has none: one unreadable image does not fail the rest. */
export async function readThumbs(
  session: ProjectSession,
  ids: readonly SampleId[],
): Promise<({ id: SampleId; url: string } | { id: SampleId; error: string })[]> {
  const out = [];
  for (const id of ids) {
    try {
      const thumb = await readMedia(session, 'thumb', id);
      out.push({ id, url: `data:${thumb.contentType};base64,${thumb.body.toString('base64')}` });
    } catch (error) {
      out.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** Image bytes for the transports' media URLs; only files inside the project's image roots. */
export async function readMedia(
  session: ProjectSession,
  kind: MediaKind,
  sampleId: number,
): Promise<MediaResponse> {
  const store = session.require();
  // Not sampleDetail: a grid screen asks for dozens of thumbnails at once, and none needs regions.
  const sample = store.sampleMediaSource(sampleId);
  if (!sample) throw new AppError('NOT_FOUND', `no sample ${sampleId} in this project`);
  // a heat map lives in the project cache, so it does not need the source image to be reachable
  if (kind === 'heatmap') return readHeatmap(store, sampleId, sample.relPath);
  if (!store.isInsideImageRoots(sample.path)) {
    throw new AppError('FORBIDDEN', `${sample.path} is outside the project's image folders`);
  }
  if (!existsSync(sample.path)) throw new AppError('NOT_FOUND', `${sample.path}: file moved or deleted`);
  const hash = sample.contentHash ?? '';
  const etag = `"${kind}-${hash.slice(0, 32)}"`;
  try {
    return { ...(await readKind(store, kind, sample.path, hash)), etag };
  } catch (error) {
    throw new AppError('IO_ERROR', `${sample.relPath}: ${(error as Error).message}`);
  }
}

async function readKind(
  store: ProjectStore,
  kind: Exclude<MediaKind, 'heatmap'>,
  path: string,
  hash: string,
): Promise<Omit<MediaResponse, 'etag'>> {
  const cacheDir = join(store.dir, 'cache');
  if (kind === 'thumb') {
    const thumbPath = join(cacheDir, 'thumbs', hash.slice(0, 2), `${hash}.jpg`);
    const body = await thumbBytes(thumbPath, () => makeThumbnail(path, thumbPath, { size: 256 }));
    return { body, contentType: 'image/jpeg' };
  }
  if (kind === 'preview') {
    // Projects imported before previews existed get theirs on the first visit.
    const previewPath = previewPathFor(cacheDir, hash);
    return {
      body: await cachedRendition(previewPath, () => makePreview(path, previewPath)),
      contentType: 'image/jpeg',
    };
  }
  if (kind === 'raw') {
    const raw = await readRawPixels(path);
    return {
      body: Buffer.concat([encodeRawHeader(raw.header), raw.pixels]),
      contentType: 'application/octet-stream',
    };
  }
  return renderDisplayImage(path);
}
