import { create } from 'zustand';
import type { Taxonomy } from '../../../electron/contract';
import { call } from '../lib/call';

type TaxonomyStore = {
  taxonomy: Taxonomy | null;
  /** Defect type name → its colour, for chips, region strokes and the region list. */
  colors: Record<string, string>;
  load(): Promise<void>;
};

export const useTaxonomy = create<TaxonomyStore>((set) => ({
  taxonomy: null,
  colors: {},
  async load() {
    const taxonomy = await call('app', 'taxonomy:get', {}, 'Cannot read the defect types');
    if (!taxonomy) return;
    const colors: Record<string, string> = {};
    for (const type of taxonomy.defectTypes) colors[type.name] = type.color;
    set({ taxonomy, colors });
  },
}));
