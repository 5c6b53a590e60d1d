import { create } from 'zustand';
import type { PackId, ReviewPacks } from '../../../electron/contract/api-inference';
import { call } from '../lib/call';

type ReviewPackStore = ReviewPacks & {
  loaded: boolean;
  load(): Promise<void>;
  /** Review shows this pack's predictions from now on, in every window; null: the newest of any. */
  choose(packId: PackId | null): Promise<void>;
};

export const useReviewPack = create<ReviewPackStore>((set) => ({
  packs: [],
  underReview: null,
  loaded: false,
  async load() {
    const answer = await call('viewer', 'models:reviewPacks', {}, 'Cannot list the packs with predictions');
    if (answer) set({ ...answer, loaded: true });
  },
  async choose(packId) {
    const answer = await call(
      'viewer',
      'models:setReviewPack',
      { packId },
      'Cannot show that pack’s predictions',
    );
    if (answer) set({ ...answer, loaded: true });
  },
}));

/** Events say a pack predicted: a list that does not name it yet is read again. */
export function packPredicted(packId: string): void {
  const { loaded, packs, load } = useReviewPack.getState();
  if (loaded && !packs.some((p) => p.packId === packId)) void load();
}
