import type { SampleDetail } from '../../../electron/contract';
import { useLabels } from '../stores/labelStore';
import type { Selection } from '../tools/types';
import { SamplePanel } from '../viewer/SamplePanel';
import { ModelAnswers } from './ModelAnswers';
import { OwnRegionList } from './OwnRegionList';
import { PredictionList } from './PredictionList';
import { ownRegions } from './reviewModel';
import { TextsEditor } from './TextsEditor';
import { TypePalette } from './TypePalette';
import { VerdictBar } from './VerdictBar';

type Props = { detail: SampleDetail; onPick(selection: Selection): void };

/** The right side of the image view: verdict, the model's regions to judge, the label's own, texts, facts. */
export function ReviewPanel({ detail, onPick }: Props) {
  const state = useLabels((s) => s.state);
  const audit = useLabels((s) => s.audit);
  if (!state || state.sampleId !== detail.id) {
    return <p className="muted panel-section">Loading the label…</p>;
  }
  const reviewing = !audit && state.prediction !== null;
  return (
    <>
      <VerdictBar state={state} audit={audit} />
      {reviewing && <PredictionList state={state} onPick={onPick} />}
      <OwnRegionList regions={ownRegions(state, audit)} onPick={onPick} reviewing={reviewing} />
      <TypePalette state={state} />
      {!audit && <ModelAnswers state={state} />}
      <TextsEditor state={state} audit={audit} />
      <SamplePanel detail={detail} />
    </>
  );
}
