import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Shape } from '../../../electron/contract/geometry';
import { writeHeatmapPng } from '../../../electron/core/inference/processing/heatmap';
import { ProjectStore } from '../../../electron/core/store';
import type { PngSet } from './png-sets';
import { cachedDir } from './scratch';
import { mapLimit } from './stats';
import { random } from './synthetic-image';

export const EVAL_PACK = { name: 'bench-anomaly', version: '1.0.0', kind: 'anomalib' };
const TYPES = ['pitting', 'scratch', 'crack', 'inclusion'];
const CATEGORIES = ['ball_screw', 'pcb', 'steel_strip'];
const MAP = 128;

type Truth = { ng: boolean; type: string; box: { x: number; y: number; w: number; h: number } };

/** A 128×128 anomaly map: noise, a blob over the defect when found, sometimes a false blob. */
function anomalyMap(truth: Truth, size: number, rnd: () => number): { data: Float32Array; score: number } {
  const data = new Float32Array(MAP * MAP);
  for (let i = 0; i < data.length; i++) data[i] = rnd() * 0.3;
  const blob = (cx: number, cy: number, r: number, peak: number) => {
    for (let y = 0; y < MAP; y++)
      for (let x = 0; x < MAP; x++) {
        const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (r * r);
        if (d2 < 4) data[y * MAP + x] = Math.min(1, data[y * MAP + x]! + peak * Math.exp(-d2));
      }
  };
  const scale = MAP / size;
  if (truth.ng && rnd() < 0.85) {
    const { x, y, w, h } = truth.box;
    blob((x + w / 2) * scale, (y + h / 2) * scale, (Math.max(w, h) / 2) * scale, 0.5 + rnd() * 0.5);
  }
  if (!truth.ng && rnd() < 0.1) blob(rnd() * MAP, rnd() * MAP, 6, 0.3 + rnd() * 0.5);
  let max = 0;
  for (const v of data) max = Math.max(max, v);
  return { data, score: Math.min(1, max * (0.9 + rnd() * 0.2)) };
}

function regionShape(box: Truth['box'], polygon: boolean): Shape {
  if (!polygon) return { kind: 'box', ...box };
  const { x, y, w, h } = box;
  return {
    kind: 'polygon',
    points: [
      [x + w / 2, y],
      [x + w, y + h / 2],
      [x + w / 2, y + h],
      [x, y + h / 2],
    ],
  };
}

/**
 * A project of `set.files.length` images (the bench's generated PNGs) with OK/NG labels, box and
 * polygon regions of four defect types over three categories, and one prediction per image with
 * a turbo/alpha heat map written by the inference code's own writer. Kept between runs.
 */
export async function evaluationProject(set: PngSet, size: number, log: (m: string) => void) {
  const key = `v1 ${set.files.length} ${set.stamp}`;
  const { dir, reused } = await cachedDir(`mau-bench-eval-${set.files.length}`, key, async (target) => {
    const store = ProjectStore.create(join(target, 'project'), 'bench evaluation');
    try {
      const rows = set.files.map((path, i) => {
        const rnd = random(1000 + i);
        const w = 6 + Math.floor(rnd() * 14);
        const h = 6 + Math.floor(rnd() * 14);
        const truth: Truth = {
          ng: rnd() < 0.35,
          type: TYPES[Math.floor(rnd() * TYPES.length)]!,
          box: { x: Math.floor(rnd() * (size - w)), y: Math.floor(rnd() * (size - h)), w, h },
        };
        return { path, i, rnd, truth, hash: createHash('sha256').update(readFileSync(path)).digest('hex') };
      });
      const predictions: { sampleId: number; hash: string; score: number; truth: Truth }[] = [];
      store.transaction(() => {
        for (const r of rows) {
          const stat = statSync(r.path);
          const { id } = store.upsertImportedSample({
            path: r.path,
            relPath: r.path.slice(set.dir.length + 1),
            fileName: r.path.slice(set.dir.length + 1),
            contentHash: r.hash,
            fileSize: stat.size,
            mtimeMs: stat.mtimeMs,
            width: size,
            height: size,
            bitDepth: 8,
            channels: 3,
            format: 'png',
            source: 'bench',
            domain: 'synthetic',
            category: CATEGORIES[r.i % CATEGORIES.length]!,
            split: 'test',
            partId: null,
            verdict: r.truth.ng ? 'NG' : 'OK',
            defectTypes: [],
            regions: r.truth.ng
              ? [{ defectType: r.truth.type, shape: regionShape(r.truth.box, r.i % 2 === 0) }]
              : [],
          });
          predictions.push({ sampleId: id, hash: r.hash, score: 0, truth: r.truth });
        }
      });
      log(`stored ${rows.length} labelled samples; writing heat maps…`);
      let written = 0;
      await mapLimit(predictions, 4, async (p, i) => {
        const map = anomalyMap(p.truth, size, rows[i]!.rnd);
        p.score = map.score;
        await writeHeatmapPng(
          { width: MAP, height: MAP, data: map.data },
          join(store.dir, heatmapRel(p.hash)),
          { alpha: true },
        );
        if (++written % 2000 === 0) log(`  ${written} / ${predictions.length}`);
      });
      store.transaction(() => {
        for (const p of predictions) {
          const found = p.truth.ng && p.score > 0.5;
          store.insertPrediction({
            sampleId: p.sampleId,
            modelPack: EVAL_PACK,
            contentHash: p.hash,
            score: p.score,
            verdict: p.score >= 0.5 ? 'NG' : 'OK',
            anomalyMapPath: heatmapRel(p.hash),
            regions: found
              ? [{ defectType: p.truth.type, score: p.score, shape: { kind: 'box', ...p.truth.box } }]
              : [],
            texts: {},
          });
        }
      });
    } finally {
      store.close();
    }
  });
  return { dir: join(dir, 'project'), reused };
}

const heatmapRel = (hash: string) => `cache/heatmaps/bench/${hash}.png`;
