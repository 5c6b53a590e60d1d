import type { Split, Verdict } from '../../contract/domain';
import type { Shape } from '../../contract/geometry';
import type {
  LabelCommand,
  PredictionOutcome,
  RegionOutcome,
  Texts,
  TextLevelKey,
} from '../../contract/review';

/** A region's whole content: what an operation writes, so applying it twice changes nothing. */
export type RegionSnapshot = {
  id: number;
  defectType: string | null;
  shape: Shape;
  origin: 'imported' | 'human';
  reviewOutcome: RegionOutcome | null;
  predictionRegionId: number | null;
};

export type ReviewMark = { outcome: PredictionOutcome; regionId: number | null };

/** The editable part of a label, in memory: live regions and prediction verdicts by id. */
export type LabelDoc = {
  verdict: Verdict | null;
  split: Split | null;
  texts: Texts;
  regions: Map<number, RegionSnapshot>;
  reviews: Map<number, ReviewMark>;
};

/**
 * One change of a label, stated as the value it sets (not as a delta), so an edit's inverse is
 * the same kind of list and undo, redo and restore are all "apply these operations".
 */
export type LabelOp =
  | { op: 'verdict'; value: Verdict | null }
  | { op: 'split'; value: Split | null }
  | { op: 'text'; level: TextLevelKey; value: string }
  | { op: 'region:put'; region: RegionSnapshot }
  | { op: 'region:remove'; id: number }
  | { op: 'review:put'; predictionRegionId: number; outcome: PredictionOutcome; regionId: number | null }
  | { op: 'review:remove'; predictionRegionId: number };

/**
 * The payload of a `label:*` revision. `below` links the undo stack (for an edit: the edit under
 * it) or the redo stack (for an undo: the undo under it); see core/review/undo-stack.ts.
 */
export type LabelPayload = {
  ops: LabelOp[];
  inverse: LabelOp[];
  /** One line for the history panel, written when the change was made. */
  summary: string;
  /** The command with shapes reduced to their kind (the shapes are in `ops`). */
  command?: CompactCommand;
  restoredTo?: number;
  target?: number;
  undo?: number;
  below?: number | null;
  undoTop?: number | null;
  redoTop?: number | null;
  audit?: boolean;
};

export type CompactCommand = Omit<LabelCommand, 'shape'> & { shape?: { kind: string } };

/** The label row and the sample facts an edit is checked against. */
export type LabelHead = {
  sampleId: number;
  fileName: string;
  width: number;
  height: number;
  contentHash: string | null;
  revision: number;
  verdict: Verdict | null;
  reviewState: string;
  audit: boolean;
  hasLabel: boolean;
};
