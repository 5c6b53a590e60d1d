import { useEffect } from 'react';
import { create } from 'zustand';
import type { Taxonomy } from '../../../electron/contract';
import { call } from '../lib/call';
import { keyedTypes, type KeyedType } from '../review/typeKeys';
import { useViewer } from './viewerStore';

type TaxonomyStore = {
  taxonomy: Taxonomy | null;
  /** Defect type name → its colour, for chips, region strokes and the region list. */
  colors: Record<string, string>;
  /**
   * Category → the defect types its images are labelled with, read once per category and
   * project: re-read after every edit, a type first used in a category would move the keys of
   * the others under the reviewer's fingers.
   */
  usedIn: ReadonlyMap<string, string[]>;
  load(): Promise<void>;
  /** Reads which types a category's images are labelled with, unless already known. */
  loadCategory(category: string): Promise<void>;
  /** A project opened or closed. */
  forgetCategories(): void;
};

const reading = new Set<string>();

export const useTaxonomy = create<TaxonomyStore>((set, get) => ({
  taxonomy: null,
  colors: {},
  usedIn: new Map(),
  async load() {
    const taxonomy = await call('app', 'taxonomy:get', {}, 'Cannot read the defect types');
    if (!taxonomy) return;
    const colors: Record<string, string> = {};
    for (const type of taxonomy.defectTypes) colors[type.name] = type.color;
    set({ taxonomy, colors });
  },
  async loadCategory(category) {
    if (get().usedIn.has(category) || reading.has(category)) return;
    reading.add(category);
    try {
      const facets = await call(
        'app',
        'samples:facets',
        { filter: { categories: [category] } },
        'Cannot read the defect types of this category',
      );
      if (!facets) return; // not known: asked again next time
      // kept even when empty (no labels yet): the taxonomy's keys then hold for the session,
      // rather than switching to the category's once its first labels exist
      const used = facets.defectTypes.filter((f) => f.count > 0).map((f) => f.value);
      set({ usedIn: new Map([...get().usedIn, [category, used]]) });
    } finally {
      reading.delete(category);
    }
  },
  forgetCategories() {
    set({ usedIn: new Map() });
  },
}));

/** The defect types with their digit keys for the image on screen (see keyedTypes). */
export function typesWithKeys(): KeyedType[] {
  const { taxonomy, usedIn } = useTaxonomy.getState();
  const category = useViewer.getState().detail?.category;
  return keyedTypes(taxonomy?.defectTypes ?? [], category ? usedIn.get(category) : undefined);
}

/** The same, as a hook: re-renders when the image, its category's types or the taxonomy change. */
export function useTypesWithKeys(): KeyedType[] {
  const taxonomy = useTaxonomy((s) => s.taxonomy);
  const category = useViewer((s) => s.detail?.category ?? null);
  const used = useTaxonomy((s) => (category ? s.usedIn.get(category) : undefined));
  useEffect(() => {
    if (category) void useTaxonomy.getState().loadCategory(category);
  }, [category]);
  return keyedTypes(taxonomy?.defectTypes ?? [], used);
}
