import type { LabelCommand } from '../../contract/review';
import type { CompactCommand, LabelDoc } from '../store/label-edits-types';

const typeName = (name: string | null | undefined) => name ?? 'untyped';

function newRegionId(before: LabelDoc, after: LabelDoc): number | undefined {
  for (const id of after.regions.keys()) if (!before.regions.has(id)) return id;
  return undefined;
}

function describe(command: LabelCommand, before: LabelDoc, after: LabelDoc): string {
  switch (command.type) {
    case 'setVerdict':
      return `verdict ${before.verdict ?? 'none'} → ${command.verdict}`;
    case 'setSplit':
      return `split ${before.split ?? 'none'} → ${command.split ?? 'none'}`;
    case 'setText':
      return command.text === '' ? `cleared the L${command.level} text` : `edited the L${command.level} text`;
    case 'addRegion':
      return `added ${command.missed ? 'a missed ' : 'a '}${command.shape.kind} region ${newRegionId(before, after) ?? '?'} (${typeName(command.defectType)})`;
    case 'updateRegion':
      return `redrew region ${command.regionId}`;
    case 'retypeRegion':
      return `retyped region ${command.regionId}: ${typeName(before.regions.get(command.regionId)?.defectType)} → ${typeName(command.defectType)}`;
    case 'deleteRegion':
      return `deleted region ${command.regionId} (${typeName(before.regions.get(command.regionId)?.defectType)})`;
    case 'reviewPrediction': {
      const id = command.predictionRegionId;
      const region = after.regions.get(after.reviews.get(id)?.regionId ?? -1);
      if (command.outcome === 'false_positive') return `marked predicted region ${id} a false positive`;
      if (command.outcome === 'retyped')
        return `retyped predicted region ${id} → ${typeName(region?.defectType)}`;
      if (command.outcome === 'redrawn') return `redrew predicted region ${id}`;
      return `confirmed predicted region ${id} (${typeName(region?.defectType)})`;
    }
  }
}

/** The history line for an edit, naming what changed and any verdict it implied. */
export function summarize(command: LabelCommand, before: LabelDoc, after: LabelDoc): string {
  const text = describe(command, before, after);
  const implied = command.type !== 'setVerdict' && before.verdict !== after.verdict;
  return implied ? `${text}; verdict ${before.verdict ?? 'none'} → ${after.verdict ?? 'none'}` : text;
}

/** Kept in the payload for later analysis; shapes are already in the operations. */
export function compact(command: LabelCommand): CompactCommand {
  if ('shape' in command && command.shape) return { ...command, shape: { kind: command.shape.kind } };
  return command as CompactCommand;
}
