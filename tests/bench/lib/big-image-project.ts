import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Shape } from '../../../electron/contract/geometry';
import { writeHeatmapPng } from '../../../electron/core/inference/processing/heatmap';
import { ProjectStore } from '../../../electron/core/store';
import { scratchDir } from './scratch';
import { random } from './synthetic-image';

const TYPES = ['pitting', 'scratch', 'crack', 'inclusion'];
const MAP = { width: 256, height: 192 };

/** `count` regions spread over the image: every third a six-point polygon, the rest boxes. */
function regions(count: number, width: number, height: number): { defectType: string; shape: Shape }[] {
  const rnd = random(77);
  return Array.from({ length: count }, (_, i) => {
    const w = 12 + Math.floor(rnd() * 60);
    const h = 12 + Math.floor(rnd() * 60);
    const x = Math.floor(rnd() * (width - w));
    const y = Math.floor(rnd() * (height - h));
    const shape: Shape =
      i % 3 === 0
        ? {
            kind: 'polygon',
            points: Array.from({ length: 6 }, (_, k) => {
              const a = (k / 6) * 2 * Math.PI;
              return [x + w / 2 + (Math.cos(a) * w) / 2, y + h / 2 + (Math.sin(a) * h) / 2] as [
                number,
                number,
              ];
            }),
          }
        : { kind: 'box', x, y, w, h };
    return { defectType: TYPES[i % TYPES.length]!, shape };
  });
}

/** A smooth anomaly map with a few hot spots, so the overlay has real gradients to draw. */
function heatmap(): Float32Array {
  const data = new Float32Array(MAP.width * MAP.height);
  const rnd = random(91);
  const spots = Array.from({ length: 12 }, () => [rnd() * MAP.width, rnd() * MAP.height, 6 + rnd() * 20]);
  for (let y = 0; y < MAP.height; y++)
    for (let x = 0; x < MAP.width; x++) {
      let v = 0.1 * rnd();
      for (const [cx, cy, r] of spots) v += Math.exp(-((x - cx!) ** 2 + (y - cy!) ** 2) / (r! * r!));
      data[y * MAP.width + x] = Math.min(1, v);
    }
  return data;
}

/**
 * A project of one image written through the store (as an import leaves it) with `regionCount`
 * label regions and, when asked, a prediction with a 256×192 heat map written by the inference
 * code's own PNG writer. Returns the closed project's folder.
 */
export async function bigImageProject(
  image: string,
  size: { width: number; height: number },
  regionCount: number,
  withHeatmap: boolean,
): Promise<string> {
  const dir = join(scratchDir('big-image'), 'project');
  const store = ProjectStore.create(dir, 'bench big image');
  try {
    const root = join(image, '..');
    store.addImageRoot(root);
    const hash = createHash('sha256').update(readFileSync(image)).digest('hex');
    const stat = statSync(image);
    const { id } = store.upsertImportedSample({
      path: image,
      relPath: image.slice(root.length + 1),
      fileName: image.slice(root.length + 1),
      contentHash: hash,
      fileSize: stat.size,
      mtimeMs: stat.mtimeMs,
      ...size,
      bitDepth: 8,
      channels: 3,
      format: 'png',
      source: 'bench',
      domain: 'synthetic',
      category: 'big',
      split: 'test',
      partId: null,
      verdict: 'NG',
      defectTypes: [],
      regions: regions(regionCount, size.width, size.height),
    });
    if (withHeatmap) {
      const rel = `cache/heatmaps/bench/${hash}.png`;
      await writeHeatmapPng({ ...MAP, data: heatmap() }, join(dir, rel), { alpha: true });
      store.insertPrediction({
        sampleId: id,
        modelPack: { name: 'bench-anomaly', version: '1.0.0', kind: 'anomalib' },
        contentHash: hash,
        score: 0.9,
        verdict: 'NG',
        anomalyMapPath: rel,
        regions: [],
        texts: {},
      });
    }
    return dir;
  } finally {
    store.close();
  }
}
