import type { LabelState } from '../../../electron/contract/review';
import { withKey } from '../keys/hint';
import { useTypesWithKeys } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';
import { retypeTo } from '../viewer/reviewActions';
import { linkedRegion, predictedRegion } from './reviewModel';
import { keepFocus } from './VerdictBar';

/** The type the selection has now (a judged prediction: the type of the region it became). */
export function selectedType(
  state: LabelState,
  selection: ReturnType<typeof useViewer.getState>['selection'],
): string | null {
  if (!selection) return null;
  if (selection.kind === 'region')
    return state.regions.find((r) => r.id === selection.id)?.defectType ?? null;
  return (
    linkedRegion(state, selection.id)?.defectType ?? predictedRegion(state, selection.id)?.defectType ?? null
  );
}

/** Chips shown: the nine with keys and a few more; T lists every type. */
const PALETTE_SIZE = 12;

/**
 * The defect types with their keys: a legend for 1–9 and a click target; T opens the full list.
 * On an image whose category has labelled types, those come first (keyedTypes).
 */
export function TypePalette({ state }: { state: LabelState }) {
  const selection = useViewer((s) => s.selection);
  const drawType = useTool((s) => s.drawType);
  const setUi = useUi((s) => s.set);
  const current = selection ? selectedType(state, selection) : drawType;
  const types = useTypesWithKeys();
  return (
    <section className="panel-section" aria-label="Defect type" data-testid="type-palette">
      <h2 className="section-title">
        {selection ? 'Type of the selected region' : 'Type for the next region'}
        <button
          type="button"
          className="btn btn--small section-title__action"
          onMouseDown={keepFocus}
          onClick={() => setUi({ typePickerOpen: true })}
          title={withKey('All types', 'typePicker')}
        >
          all…
        </button>
      </h2>
      <div className="types">
        {types.slice(0, PALETTE_SIZE).map((t) => (
          <button
            key={t.id}
            type="button"
            className={`type-chip${t.name === current ? ' is-on' : ''}${t.elsewhere ? ' is-elsewhere' : ''}`}
            onMouseDown={keepFocus}
            onClick={() => void retypeTo(t.name)}
            title={
              t.elsewhere
                ? `${t.rule || t.name} (not labelled on this product's images yet)`
                : t.rule || t.name
            }
            data-testid="type-chip"
          >
            <span className="chip-swatch" style={{ background: t.color }} aria-hidden />
            {t.key && <kbd>{t.key}</kbd>}
            {t.name}
          </button>
        ))}
        {types.length === 0 && <span className="muted">The taxonomy has no defect types yet.</span>}
      </div>
    </section>
  );
}
