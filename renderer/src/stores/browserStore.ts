import { create } from 'zustand';
import type { Facets, SampleFilter, SampleId, SampleSort } from '../../../electron/contract';
import { call } from '../lib/call';

export type FacetKey = Exclude<keyof SampleFilter, 'search'>;

type BrowserStore = {
  filter: SampleFilter;
  sort: SampleSort;
  /** The current filter's order; the grid and the viewer's next/previous both walk it. */
  ids: SampleId[];
  loaded: boolean;
  loading: boolean;
  facets: Facets | null;
  selected: number;
  columns: number;
  toggle(key: FacetKey, value: string): void;
  setSearch(search: string): void;
  clearFilter(): void;
  reload(): Promise<void>;
  select(index: number): void;
  setColumns(columns: number): void;
};

let request = 0;

export const useBrowser = create<BrowserStore>((set, get) => ({
  filter: {},
  sort: 'path',
  ids: [],
  loaded: false,
  loading: false,
  facets: null,
  selected: -1,
  columns: 1,
  toggle(key, value) {
    const current = (get().filter[key] ?? []) as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    const filter = { ...get().filter } as Record<string, unknown>;
    if (next.length) filter[key] = next;
    else delete filter[key];
    set({ filter: filter as SampleFilter });
    void get().reload();
  },
  setSearch(search) {
    const { search: _old, ...rest } = get().filter;
    set({ filter: search ? { ...rest, search } : rest });
    void get().reload();
  },
  clearFilter() {
    set({ filter: {} });
    void get().reload();
  },
  async reload() {
    const mine = ++request;
    const { filter, sort, ids: oldIds, selected } = get();
    const keep = oldIds[selected];
    set({ loading: true });
    // The grid paints as soon as the ids arrive; the facet counts (a slower query on big
    // projects) fill the sidebar when they come, instead of holding the grid back. The ids are
    // asked first because the store answers one query at a time.
    const idsAsked = call('browser', 'samples:ids', { filter, sort }, 'Cannot list the images');
    const facetsDone = call(
      'filters',
      'samples:facets',
      { filter },
      'Cannot count the images per filter',
    ).then((facets) => {
      if (mine === request && facets) set({ facets });
    });
    const ids = await idsAsked;
    // A newer filter was asked for while this one was in flight.
    if (mine !== request) return;
    const nextIds = ids?.ids ?? oldIds;
    const kept = keep === undefined ? -1 : nextIds.indexOf(keep);
    set({
      ids: nextIds,
      loaded: true,
      loading: false,
      selected: kept >= 0 ? kept : nextIds.length ? 0 : -1,
    });
    await facetsDone;
  },
  select(index) {
    const { ids } = get();
    if (!ids.length) return;
    set({ selected: Math.max(0, Math.min(ids.length - 1, index)) });
  },
  setColumns(columns) {
    if (columns !== get().columns) set({ columns });
  },
}));

export function resetBrowser(): void {
  request++;
  useBrowser.setState({ filter: {}, ids: [], loaded: false, loading: false, facets: null, selected: -1 });
}
