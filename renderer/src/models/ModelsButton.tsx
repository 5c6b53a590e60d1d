import { withKey } from '../keys/hint';
import { useKeys } from '../keys/useKeys';
import { useModels } from './modelsStore';

/** The way in from the dataset toolbar, and its key (M in the grid). */
export function ModelsButton() {
  const show = useModels((s) => s.show);
  useKeys('browser', { models: () => show(true) });
  return (
    <button
      type="button"
      className="btn"
      onClick={() => show(true)}
      data-testid="models-button"
      title={withKey('Model packs: add, remove, run inference', 'models', 'browser')}
    >
      Models
    </button>
  );
}
