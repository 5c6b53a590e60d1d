import type { ModelPackInfo } from '../../../electron/contract/api-inference';
import { useModels } from './modelsStore';
import { cardRows, inputText, kindText, labelsText, thresholdText } from './packText';
import { providerSummary } from './providerText';
import { ReviewPackRow } from './ReviewPackRow';

/** Everything the pack says about itself, and where it will run. */
export function PackDetails({ pack }: { pack: ModelPackInfo }) {
  const choice = useModels((s) => s.provider);
  const provider = providerSummary(pack, choice);
  return (
    <>
      {pack.problem && (
        <p className="models__bad" role="alert" data-testid="pack-problem">
          {pack.problem}
        </p>
      )}
      {pack.description && <p className="pack__desc">{pack.description}</p>}
      <dl className="pack__facts" data-testid="pack-facts">
        <dt>Kind</dt>
        <dd>{kindText(pack)}</dd>
        <dt>Version</dt>
        <dd>{pack.version}</dd>
        <dt>Inputs</dt>
        <dd>
          {pack.inputs.map((input) => (
            <div key={input.name} className="pack__mono">
              {inputText(input)}
            </div>
          ))}
        </dd>
        <dt>Labels</dt>
        <dd>{labelsText(pack)}</dd>
        <dt>Thresholds</dt>
        <dd>{thresholdText(pack.thresholds)}</dd>
        <dt>Runs on</dt>
        <dd data-testid="pack-provider">
          {provider.headline}
          {provider.fallbacks.map((line) => (
            <div key={line} className="pack__fallback">
              passed over · {line}
            </div>
          ))}
        </dd>
        <ReviewPackRow pack={pack} />
        <dt>Folder</dt>
        <dd className="pack__mono pack__dir" title={pack.dir}>
          <span className="ltr">{pack.dir}</span>
        </dd>
        {cardRows(pack.card).map(([label, value]) => (
          <div key={label} className="pack__card-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
