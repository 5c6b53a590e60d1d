import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportedSampleInput } from '../../../electron/core/store';

// Kept free of vitest so the crash fixture, a plain child process, can use it too.

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A plausible imported image; the hash follows `content` so two inputs differ only when meant to. */
export function sampleInput(
  filePath: string,
  overrides: Partial<ImportedSampleInput> & { content?: string } = {},
): ImportedSampleInput {
  const { content = filePath, ...rest } = overrides;
  return {
    path: filePath,
    relPath: path.basename(path.dirname(filePath)) + '/' + path.basename(filePath),
    fileName: path.basename(filePath),
    contentHash: sha256(content),
    fileSize: content.length,
    mtimeMs: 1_700_000_000_000,
    width: 640,
    height: 480,
    bitDepth: 8,
    channels: 3,
    format: 'png',
    source: 'bsdata',
    domain: 'metal',
    category: 'ball-screw',
    split: 'train',
    partId: null,
    verdict: 'NG',
    defectTypes: [],
    regions: [],
    ...rest,
  };
}

/** Writes an image file (its bytes only matter for the hash) and returns the import input for it. */
export function writeImage(
  filePath: string,
  content: string,
  overrides: Partial<ImportedSampleInput> = {},
): ImportedSampleInput {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, content);
  return sampleInput(filePath, { ...overrides, content });
}
