import { withKey } from '../keys/hint';
import { useKeys } from '../keys/useKeys';
import { useExport } from './exportStore';

/** The way in from the dataset toolbar, and its key (X in the grid). */
export function ExportButton() {
  const show = useExport((s) => s.show);
  useKeys('browser', { export: () => show(true) });
  return (
    <button
      type="button"
      className="btn"
      onClick={() => show(true)}
      data-testid="export-button"
      title={withKey('Export the labels for other tools or for training', 'export', 'browser')}
    >
      Export…
    </button>
  );
}
