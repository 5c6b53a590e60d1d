import { create } from 'zustand';
import type { Facets, SampleFilter, SampleId, SampleSort } from '../../../electron/contract';
import { call } from '../lib/call';
import { whenThumbsSettled } from '../browser/thumbLoads';
import { firstScreen, headIdsInput } from '../boot/firstScreen';
import { prefetchThumbs } from '../browser/thumbSource';
import { ensureSummaries } from './sampleCache';

export type FacetKey = Exclude<keyof SampleFilter, 'search'>;

type BrowserStore = {
  filter: SampleFilter;
  sort: SampleSort;
  /** The current filter's order; the grid and the viewer's next/previous both walk it. */
  ids: SampleId[];
  /** How many images the filter matches: more than `ids` holds while only its head is in. */
  total: number;
  loaded: boolean;
  loading: boolean;
  facets: Facets | null;
  selected: number;
  columns: number;
  /** How many tiles the grid shows at once (with its overscan); 0 until it has been laid out. */
  screenTiles: number;
  toggle(key: FacetKey, value: string): void;
  setSearch(search: string): void;
  clearFilter(): void;
  /**
   * Re-reads the ids; resolves once the first screen's rows (and, for a list read from the top,
   * the rest of its ids) are in; the facet counts follow.
   */
  reload(): Promise<void>;
  select(index: number): void;
  setLayout(columns: number, screenTiles: number): void;
};

let request = 0;

/** The whole list is not held back longer than this for thumbnails that are slow to come. */
const THUMBS_WAIT_MS = 1_500;

/** What a project's list starts from, and returns to when another project opens. */
const EMPTY_LIST = {
  filter: {},
  ids: [],
  total: 0,
  loaded: false,
  loading: false,
  facets: null,
  selected: -1,
} satisfies Partial<BrowserStore>;

export const useBrowser = create<BrowserStore>((set, get) => ({
  ...EMPTY_LIST,
  sort: 'path',
  columns: 1,
  screenTiles: 0,
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
    // The server answers one query at a time, so the order of asking is the order of answers:
    // the ids, then the rows of the first screen, and only then the slower facet counts.
    // A list read from the top (nothing to keep in view) asks for its head first; the rest
    // follows once the first screen's thumbnails are in.
    const input = keep === undefined ? headIdsInput(filter, sort) : { filter, sort };
    const listed = await call('browser', 'samples:ids', input, 'Cannot list the images');
    // A newer filter was asked for while this one was in flight.
    if (mine !== request) return;
    const nextIds = listed?.ids ?? oldIds;
    // The image selected now, not when this began: the viewer may have stepped on meanwhile, and
    // putting back the older one made its next step land on the image already shown.
    const current = get().ids[get().selected];
    const kept = current === undefined ? -1 : nextIds.indexOf(current);
    const nextSelected = kept >= 0 ? kept : nextIds.length ? 0 : -1;
    const firstRows = ensureSummaries(firstScreen(nextIds, nextSelected));
    // A list read from the top shows its head: those thumbnails can leave with the rows.
    if (keep === undefined) prefetchThumbs(nextIds.slice(0, get().screenTiles));
    const total = listed?.total ?? nextIds.length;
    set({ ids: nextIds, total, loaded: true, loading: false, selected: nextSelected });
    await firstRows;
    if (mine !== request) return;
    if (nextIds.length < total) {
      await whenThumbsSettled(THUMBS_WAIT_MS);
      if (mine !== request) return;
      const all = await call('browser', 'samples:ids', { filter, sort }, 'Cannot list the images');
      if (mine !== request) return;
      if (all) set({ ids: all.ids, total: all.total });
    }
    // The sidebar fills when the counts come; the caller does not wait for them.
    void call('filters', 'samples:facets', { filter }, 'Cannot count the images per filter').then(
      (facets) => {
        if (mine === request && facets) set({ facets });
      },
    );
  },
  select(index) {
    const { ids } = get();
    if (!ids.length) return;
    set({ selected: Math.max(0, Math.min(ids.length - 1, index)) });
  },
  setLayout(columns, screenTiles) {
    if (columns !== get().columns || screenTiles !== get().screenTiles) set({ columns, screenTiles });
  },
}));

export function resetBrowser(): void {
  request++;
  useBrowser.setState(EMPTY_LIST);
}
