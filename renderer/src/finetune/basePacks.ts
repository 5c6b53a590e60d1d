import type { ModelPackInfo } from '../../../electron/contract/api-inference';

/**
 * Why a pack cannot be the base of a fine-tune, or null when it can. The core checks again on
 * start (and verifies every file); this only keeps impossible choices out of the list.
 */
export function whyNotBase(pack: ModelPackInfo): string | null {
  if (pack.problem) return pack.problem;
  if (pack.kind !== 'mau-gpt') return `${pack.kind} pack: only mau-gpt packs are fine-tuned`;
  if (!pack.files.some((f) => f.role === 'weights'))
    return 'no PyTorch checkpoint (role "weights") in this pack';
  return null;
}

/** The pack a fine-tune most likely starts from: the newest usable one the project registered. */
export function defaultBase(packs: readonly ModelPackInfo[]): string {
  const usable = packs.filter((p) => whyNotBase(p) === null);
  const registered = usable.filter((p) => p.registered);
  const newest = [...registered].sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''))[0];
  return (newest ?? usable[0])?.packId ?? '';
}
