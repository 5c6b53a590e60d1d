import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Region } from '../../contract';
import { maskPixels, maskShapeFromBitmap } from '../geometry/rle';
import type { ExportEnv, FormatWriter, ExportSample } from './export-types';
import { encodeMaskPng } from './png';
import { labelFileNeeded, tallyUnkept } from './verdict-notes';

const LABELME_VERSION = '5.2.1';

/**
 * LabelMe: each image with `<stem>.json` beside it (imagePath relative, no embedded image).
 * Boxes are rectangles, polygons polygons, masks LabelMe 5 `mask` shapes (two corners and a
 * base64 PNG of the crop). A region without a type keeps an empty label.
 */
export async function labelMeWriter(env: ExportEnv): Promise<FormatWriter> {
  return {
    async add(sample: ExportSample) {
      const { name, stem } = env.files.reserve(sample.fileName, sample.id);
      await env.files.place(sample.path, name);
      const shapes: object[] = [];
      for (const region of sample.regions) {
        const shape = await toShape(region);
        if (shape) shapes.push(shape);
        else env.notes.region(name, sample.id, region.id, 'is an empty mask (no pixel set); not written');
      }
      tallyUnkept(sample, env, 'LabelMe', ['split', 'category', 'domain', 'partId']);
      if (!labelFileNeeded(sample, shapes.length, name, env, 'LabelMe')) return 0;
      const json = {
        version: LABELME_VERSION,
        flags: {},
        shapes,
        imagePath: name,
        imageData: null,
        imageHeight: sample.height,
        imageWidth: sample.width,
      };
      await writeFile(join(env.outDir, `${stem}.json`), `${JSON.stringify(json, null, 2)}\n`);
      return shapes.length;
    },
    async finish() {},
  };
}

async function toShape(region: Region): Promise<object | null> {
  const common = { label: region.defectType ?? '', group_id: null, description: '', flags: {} };
  const { shape } = region;
  switch (shape.kind) {
    case 'polygon':
      return { ...common, points: shape.points, shape_type: 'polygon', mask: null };
    case 'box': {
      const points = [
        [shape.x, shape.y],
        [shape.x + shape.w, shape.y + shape.h],
      ];
      return { ...common, points, shape_type: 'rectangle', mask: null };
    }
    case 'mask': {
      const tight = maskShapeFromBitmap(maskPixels(shape), shape.w, shape.h);
      if (!tight) return null;
      const [x, y] = [shape.x + tight.x, shape.y + tight.y];
      const png = await encodeMaskPng(maskPixels(tight), tight.w, tight.h);
      // Corners are inclusive pixel indices: labelme pastes the crop at [y1:y2+1, x1:x2+1].
      const points = [
        [x, y],
        [x + tight.w - 1, y + tight.h - 1],
      ];
      return { ...common, points, shape_type: 'mask', mask: png.toString('base64') };
    }
  }
}
