import type { ImportFormat, Problem, Shape, Split, Verdict } from '../../contract';

export type ImportAnnotation =
  /** A box, polygon or mask already decoded. */
  | { defectType: string | null; shape: Shape }
  /** A binary mask PNG to decode in the worker (MVTec ground truth). */
  | { defectType: string | null; maskFile: string };

export type ImportItem = {
  /** Absolute path of the image. */
  path: string;
  /** Path relative to the scanned source folder, `/`-separated. */
  relPath: string;
  /** The source dataset's name in the project (ScanResult.sourceName). */
  source: string;
  domain: string | null;
  category: string | null;
  split: Split | null;
  /** Views of one physical part share this id (within one source). */
  partId: string | null;
  /** null: nobody has said (a plain folder, an image without annotation file). */
  verdict: Verdict | null;
  defectTypes: string[];
  annotations: ImportAnnotation[];
};

export type ScanOptions = {
  format: ImportFormat;
  sourceName?: string;
  /** Only manifest rows with fixture=1; ignored by formats without a manifest. */
  fixtureOnly?: boolean;
  /** Every item goes into this split instead of the dataset's own. */
  split?: Split;
  signal?: AbortSignal;
};

export type ScanResult = {
  format: Exclude<ImportFormat, 'auto'>;
  sourceName: string;
  items: ImportItem[];
  problems: Problem[];
};

/** What every format scanner receives: the source as an absolute path plus the options. */
export type ScanContext = {
  root: string;
  sourceName: string;
  fixtureOnly: boolean;
  signal?: AbortSignal;
  problems: Problem[];
};

/** One format: folder in, items out; problems are pushed to `context.problems`. */
export type Scanner = (context: ScanContext) => Promise<ImportItem[]>;
