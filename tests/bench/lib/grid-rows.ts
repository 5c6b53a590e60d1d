import { basename } from 'node:path';
import type { Split, Verdict } from '../../../electron/contract';
import type { ImportedSampleInput } from '../../../electron/core/store';
import type { GridFile } from './grid-images';
import { random } from './synthetic-image';

type Weighted<T> = [T, number][];

function pick<T>(rnd: () => number, options: Weighted<T>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let r = rnd() * total;
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return (options[options.length - 1] as [T, number])[0];
}

const SOURCES: Weighted<string> = [
  ['line-a-aoi', 40],
  ['line-b-aoi', 25],
  ['supplier-x', 15],
  ['mvtec-ad', 12],
  ['visa', 8],
];
const PLACES: Weighted<[string, string]> = [
  [['electronics', 'pcb'], 35],
  [['electronics', 'connector'], 10],
  [['metal', 'screw'], 15],
  [['metal', 'metal_nut'], 10],
  [['textile', 'carpet'], 10],
  [['consumer products', 'capsule'], 10],
  [['consumer products', 'bottle'], 10],
];
const SPLITS: Weighted<Split | null> = [
  ['train', 60],
  ['val', 15],
  ['test', 15],
  [null, 10],
];
const VERDICTS: Weighted<Verdict | null> = [
  ['OK', 55],
  ['NG', 30],
  ['unsure', 5],
  [null, 10],
];
const DEFECTS = [
  'scratch',
  'dent',
  'crack',
  'missing_component',
  'short',
  'open',
  'stain',
  'contamination',
  'misalignment',
  'burr',
  'hole',
  'discoloration',
];

/**
 * One imported row per file with a realistic mix: five sources, seven categories, splits with
 * some unassigned, mostly OK verdicts, and NG rows carrying one or two defect types, most of them
 * with 1–3 boxes as imported regions. Seeded, so every run stores the same project.
 */
export function gridRow(file: GridFile, index: number, hash: string, bytes: number): ImportedSampleInput {
  const rnd = random(index + 1);
  const [domain, category] = pick(rnd, PLACES);
  const verdict = pick(rnd, VERDICTS);
  const types =
    verdict === 'NG'
      ? [
          ...new Set([
            pick(
              rnd,
              DEFECTS.map((d) => [d, 1]),
            ),
            ...(rnd() < 0.3 ? [DEFECTS[Math.floor(rnd() * DEFECTS.length)] as string] : []),
          ]),
        ]
      : [];
  const withRegions = verdict === 'NG' && rnd() < 0.7;
  const regions = withRegions
    ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
        defectType: types[Math.floor(rnd() * types.length)] ?? null,
        shape: {
          kind: 'box' as const,
          x: Math.floor(rnd() * 280),
          y: Math.floor(rnd() * 200),
          w: 8 + Math.floor(rnd() * 30),
          h: 8 + Math.floor(rnd() * 30),
        },
      }))
    : [];
  return {
    path: file.path,
    relPath: file.relPath,
    fileName: basename(file.path),
    contentHash: hash,
    fileSize: bytes,
    mtimeMs: 0,
    width: 320,
    height: 240,
    bitDepth: 8,
    channels: 3,
    format: 'png',
    source: pick(rnd, SOURCES),
    domain,
    category,
    split: pick(rnd, SPLITS),
    partId: rnd() < 0.3 ? `part-${Math.floor(index / 2)}` : null,
    verdict,
    defectTypes: withRegions ? [] : types,
    regions,
  };
}
