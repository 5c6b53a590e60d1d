import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../electron/contract';
import { exportProject } from '../../../electron/core/exchange';
import { ProjectStore } from '../../../electron/core/store';
import { tempDir } from '../../helpers/paths';
import { noise } from './generated';

const IMAGES = 10_000;

/**
 * The performance goal (`npm run bench`: 10,000 labelled images to COCO in < 10 s) measured on
 * a synthetic project: three regions per image (box, polygon, mask). The time is printed, not
 * asserted; this machine's speed is not the product's.
 */
describe('exporting 10,000 labelled images to COCO', () => {
  it('writes them all and prints how long it took', async () => {
    const root = tempDir('export-10k');
    const image = path.join(root, 'template.png');
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#5a5a5a' } })
      .png()
      .toBuffer();
    fs.writeFileSync(image, bytes);
    const store = ProjectStore.create(path.join(root, 'project'), 'bench');
    const build = performance.now();
    store.transaction(() => {
      for (let i = 0; i < IMAGES; i++) {
        const file = path.join(root, 'images', `img_${i}.png`);
        if (i === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.linkSync(image, file);
        const [x, y] = [(i * 37) % 600, (i * 53) % 440];
        const regions: { defectType: string; shape: Shape }[] = [
          { defectType: 'scratch', shape: { kind: 'box', x, y, w: 30.5, h: 20.25 } },
          {
            defectType: 'dent',
            shape: {
              kind: 'polygon',
              points: [
                [x, y],
                [x + 20, y + 3],
                [x + 25, y + 30],
                [x + 2, y + 25],
              ],
            },
          },
          { defectType: 'stain', shape: noise(x, y, 24, 24, i + 1) },
        ];
        store.upsertImportedSample({
          path: file,
          relPath: `images/img_${i}.png`,
          fileName: `img_${i}.png`,
          // Hashes differ per image (as real images' would): the store looks for moved files by hash.
          contentHash: createHash('sha256').update(`image ${i}`).digest('hex'),
          fileSize: bytes.length,
          mtimeMs: 0,
          width: 640,
          height: 480,
          bitDepth: 8,
          channels: 3,
          format: 'png',
          source: 'bench',
          domain: null,
          category: null,
          split: 'train',
          partId: null,
          verdict: 'NG',
          defectTypes: [],
          regions,
        });
      }
    });
    const built = performance.now() - build;
    try {
      const report = await exportProject(store, { format: 'coco', outDir: path.join(root, 'coco') });
      console.log(
        `10k export to COCO: ${report.elapsedMs} ms for ${report.exported} images and ${report.regions} regions (project built in ${Math.round(built)} ms)`,
      );
      expect(report).toMatchObject({
        exported: IMAGES,
        skipped: 0,
        regions: 3 * IMAGES,
        notRepresentable: [],
      });
      const coco = JSON.parse(fs.readFileSync(path.join(root, 'coco', 'annotations.json'), 'utf8')) as {
        images: unknown[];
        annotations: unknown[];
      };
      expect([coco.images.length, coco.annotations.length]).toEqual([IMAGES, 3 * IMAGES]);
    } finally {
      store.close();
    }
  }, 300_000);
});
