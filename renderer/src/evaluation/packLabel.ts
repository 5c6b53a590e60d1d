import type { ModelPackInfo } from '../../../electron/contract/api-inference';

/** How a pack reads in the pickers: name, version, kind, and whether it predicted anything yet. */
export function packOptionLabel(p: ModelPackInfo): string {
  const predictions = p.predictionCount === 1 ? '1 prediction' : `${p.predictionCount} predictions`;
  return `${p.name} ${p.version} · ${p.variant ? `${p.kind} ${p.variant}` : p.kind} · ${predictions}`;
}

export function packName(packs: readonly ModelPackInfo[] | null, packId: string): string {
  const p = packs?.find((x) => x.packId === packId);
  return p ? `${p.name} ${p.version}` : packId;
}
