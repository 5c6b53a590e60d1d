import { EXPORT_FORMAT_NAMES } from '../../../electron/contract/api-exchange';
import { DirectoryBrowser } from '../components/DirectoryBrowser';
import { ToastHost } from '../components/ToastHost';
import { baseName, formatCount, joinPath } from '../lib/format';
import { useBrowser } from '../stores/browserStore';
import { useProject } from '../stores/projectStore';
import { isExporting, useExport, type ExportScope } from './exportStore';
import { FORMAT_HINTS, FORMAT_ORDER } from './formats';
import { parentFolder } from './outDir';

/** The formats as one radio group: arrow keys move through it, as in any form. */
function FormatChoice() {
  const format = useExport((s) => s.format);
  const choose = useExport((s) => s.choose);
  return (
    <fieldset className="export-formats" data-testid="export-formats">
      <legend className="field__label">Format</legend>
      {FORMAT_ORDER.map((f) => (
        <label key={f} className={`export-format${f === format ? ' is-on' : ''}`}>
          <input
            type="radio"
            name="export-format"
            value={f}
            checked={f === format}
            onChange={() => choose({ format: f })}
            data-testid={`export-format-${f}`}
            data-autofocus={f === format || undefined}
          />
          <span className="export-format__name">{EXPORT_FORMAT_NAMES[f]}</span>
          <span className="export-format__hint muted">{FORMAT_HINTS[f]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Which images: all, or the grid's filter as it is now; optionally only those a person decided. */
function ImageChoice() {
  const { scope, reviewedOnly, copyImages, choose } = useExport();
  const filtered = useBrowser((s) => s.total);
  const filterActive = useBrowser((s) => Object.keys(s.filter).length > 0);
  const total = useProject((s) => s.project?.sampleCount ?? 0);
  const scopes: { value: ExportScope; label: string; disabled: boolean }[] = [
    { value: 'all', label: `All images (${formatCount(total)})`, disabled: false },
    {
      value: 'filter',
      label: `Current filter${filterActive ? ` (${formatCount(filtered)} images)` : ' (none set)'}`,
      disabled: !filterActive,
    },
  ];
  return (
    <div className="export-images">
      <fieldset className="export-images__scope">
        <legend className="field__label">Images</legend>
        {scopes.map(({ value, label, disabled }) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="export-scope"
              checked={scope === value}
              disabled={disabled}
              onChange={() => choose({ scope: value })}
              data-testid={`export-scope-${value}`}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={reviewedOnly}
          onChange={(e) => choose({ reviewedOnly: e.target.checked })}
          data-testid="export-reviewed-only"
        />
        Only images a person reviewed <span className="muted">(OK, NG or corrected)</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={copyImages}
          onChange={(e) => choose({ copyImages: e.target.checked })}
          data-testid="export-copy-images"
        />
        Copy the image files <span className="muted">(otherwise hard links: no extra disk space)</span>
      </label>
    </div>
  );
}

/** Format, images, destination, and the Export / Cancel buttons. */
export function ExportForm() {
  const { outDir, run, chooseOutDir, start, cancel } = useExport();
  const exporting = isExporting(run);
  const path = outDir.trim();
  return (
    <form
      className="card export-form"
      aria-label="Export settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (path && !exporting) void start();
      }}
    >
      <FormatChoice />
      <div className="export-form__side">
        <ImageChoice />
        <label className="field">
          <span className="field__label">Into a new or empty folder, outside the project</span>
          <input
            className="input input--mono"
            value={outDir}
            onChange={(e) => chooseOutDir(e.target.value)}
            spellCheck={false}
            data-testid="export-out"
          />
        </label>
        {/* Browsing picks where the new folder goes; its name stays as typed. */}
        <DirectoryBrowser
          path={parentFolder(path)}
          onPath={(dir) => chooseOutDir(joinPath(dir, baseName(path)))}
          testId="export-dirs"
        />
        <ToastHost area="export" inline />
        <div className="export-form__actions">
          {exporting && run?.jobId && (
            <button type="button" className="btn" onClick={cancel} data-testid="export-cancel">
              Cancel
            </button>
          )}
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!path || exporting}
            data-testid="export-start"
          >
            {exporting ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </div>
    </form>
  );
}
