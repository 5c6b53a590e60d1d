import type { Split, Verdict } from '../../contract/domain';
import type { Shape } from '../../contract/geometry';

/** One image as an importer read it: file facts, where it sits in the dataset, and its ground truth. */
export type ImportedSampleInput = {
  /** Absolute path; the sample's identity in the project. */
  path: string;
  relPath: string;
  fileName: string;
  /** sha256 of the file bytes, lowercase hex; finds the image again after it moved. */
  contentHash: string;
  fileSize: number;
  mtimeMs: number;
  width: number;
  height: number;
  bitDepth: number;
  channels: number;
  format: string;
  /** Name of the source dataset in the project. */
  source: string;
  domain: string | null;
  category: string | null;
  split: Split | null;
  /** Groups views of one physical part (or an image and its template). */
  partId: string | null;
  verdict: Verdict | null;
  /** Types known for the whole image without a region, e.g. an MVTec defect folder name. */
  defectTypes: string[];
  regions: { defectType: string | null; shape: Shape }[];
};

/** A file that could not be read: it still shows in the grid, in state 'error'. */
export type SampleErrorInput = {
  path: string;
  relPath: string;
  /** Defaults to the last part of the path. */
  fileName?: string;
  source: string;
  domain?: string | null;
  category?: string | null;
  split?: Split | null;
  partId?: string | null;
  contentHash?: string | null;
  fileSize?: number;
  mtimeMs?: number;
};

export type ImportStatus = 'added' | 'updated' | 'unchanged' | 'moved';

/** The file facts of a stored sample, as import needs them to decide what changed. */
export type StoredSample = {
  id: number;
  path: string;
  relPath: string;
  fileName: string;
  contentHash: string | null;
  fileSize: number;
  mtimeMs: number;
  source: string;
  error: string | null;
};

export type RevisionInput = {
  sampleId: number;
  author: string;
  action: string;
  payload: unknown;
  predictionId?: number | null;
};

export type RevisionRecord = {
  id: number;
  sampleId: number;
  author: string;
  at: string;
  action: string;
  payload: unknown;
  predictionId: number | null;
};
