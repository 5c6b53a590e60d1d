import { ToastHost } from '../components/ToastHost';
import { isReviewState } from '../../../electron/contract/review-states';
import { reviewStateLabel } from '../lib/colors';
import { useBrowser } from '../stores/browserStore';
import { FacetGroup } from './FacetGroup';
import { SearchBox } from './SearchBox';
import { StateDot } from './StateDot';

const none = (what: string) => (value: string) => (value === 'none' ? `(no ${what})` : value);

export function FilterSidebar() {
  const facets = useBrowser((s) => s.facets);
  const filtered = useBrowser((s) => Object.keys(s.filter).length > 0);
  const clearFilter = useBrowser((s) => s.clearFilter);
  return (
    <aside className="sidebar" aria-label="Filters" data-testid="filter-sidebar">
      <div className="sidebar__head">
        <SearchBox />
        <button type="button" className="link" disabled={!filtered} onClick={clearFilter}>
          Clear
        </button>
      </div>
      <div className="sidebar__body">
        {!facets && <p className="muted sidebar__note">Counting…</p>}
        {facets?.projectTotal === 0 && (
          <p className="muted sidebar__note">
            Filters by verdict, defect type, split and source appear here after an import.
          </p>
        )}
        {facets && facets.projectTotal > 0 && (
          <>
            <FacetGroup title="Verdict" facet="verdicts" items={facets.verdicts} label={none('verdict')} />
            <FacetGroup title="Defect type" facet="defectTypes" items={facets.defectTypes} />
            <FacetGroup
              title="Review state"
              facet="reviewStates"
              items={facets.reviewStates}
              label={(v) => reviewStateLabel[v] ?? v}
              marker={(v) => (isReviewState(v) ? <StateDot state={v} /> : null)}
            />
            <FacetGroup title="Split" facet="splits" items={facets.splits} label={none('split')} />
            <FacetGroup title="Source" facet="sources" items={facets.sources} />
            <FacetGroup
              title="Category"
              facet="categories"
              items={facets.categories}
              label={none('category')}
            />
          </>
        )}
      </div>
      <ToastHost area="filters" />
    </aside>
  );
}
