import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { asJobId, needsPreview, PREVIEW_MAX_SIDE } from '../../../electron/contract';
import { previewPathFor } from '../../../electron/core/media';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/paths';

type Call = ReturnType<typeof testCore>['call'];

async function waitForJob(call: Call, jobId: string) {
  for (;;) {
    const job = await call('jobs:get', { jobId: asJobId(jobId) });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A PNG with a gradient, so a wrong resize or crop shows in the pixels. */
async function writeGradient(path: string, width: number, height: number): Promise<void> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = Math.floor((x / width) * 255);
      data[o + 1] = Math.floor((y / height) * 255);
      data[o + 2] = 128;
    }
  await sharp(data, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toFile(path);
}

describe('screen-sized previews of large images', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('decides by size and bit depth which images get one', () => {
    expect(needsPreview(2592, 1944, 8)).toBe(true);
    expect(needsPreview(640, 640, 8)).toBe(false);
    expect(needsPreview(PREVIEW_MAX_SIDE + 1, 100, 8)).toBe(false);
    // 16-bit images are shown through window/level on the raw samples, never a JPEG.
    expect(needsPreview(5000, 4000, 16)).toBe(false);
  });

  it('makes a preview of a 5 MP image at import, serves it, and remakes it when the cache is gone', async () => {
    const source = tempDir('preview-source');
    mkdirSync(source, { recursive: true });
    await writeGradient(join(source, 'big.png'), 2592, 1944);
    await writeGradient(join(source, 'small.png'), 640, 480);
    const { core, call } = testCore();
    close = () => core.close();
    const dir = join(tempDir('project'), 'previews');
    await call('project:create', { dir, name: 'previews' });
    const { jobId } = await call('import:start', { source, format: 'folder' });
    expect((await waitForJob(call, jobId)).outcome).toMatchObject({ added: 2, failed: 0 });

    const { ids } = await call('samples:ids', {});
    const details = await Promise.all(ids.map((id) => call('samples:get', { id })));
    const big = details.find((d) => d.fileName === 'big.png')!;
    const small = details.find((d) => d.fileName === 'small.png')!;
    const bigPreview = previewPathFor(join(dir, 'cache'), big.contentHash);
    expect(existsSync(bigPreview)).toBe(true);
    expect(existsSync(previewPathFor(join(dir, 'cache'), small.contentHash))).toBe(false);

    const preview = await core.readMedia('preview', big.id);
    expect(preview.contentType).toBe('image/jpeg');
    expect(preview.etag).toContain(big.contentHash.slice(0, 32));
    const meta = await sharp(preview.body).metadata();
    expect([meta.width, meta.height]).toEqual([1920, 1440]);
    // The thumbnail, made from the preview, still has the image's aspect and content.
    const thumb = await sharp((await core.readMedia('thumb', big.id)).body)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([thumb.info.width, thumb.info.height]).toEqual([256, 192]);
    const right = (Math.floor(thumb.info.height / 2) * thumb.info.width + thumb.info.width - 2) * 3;
    expect(thumb.data[right]).toBeGreaterThan(230);

    rmSync(join(dir, 'cache', 'previews'), { recursive: true });
    const remade = await core.readMedia('preview', big.id);
    expect((await sharp(remade.body).metadata()).width).toBe(1920);
    expect(existsSync(bigPreview)).toBe(true);
  });
});
