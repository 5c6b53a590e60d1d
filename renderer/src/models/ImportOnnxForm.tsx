import { useState } from 'react';
import { useDirListing } from '../components/useDirListing';
import { baseName, joinPath } from '../lib/format';
import { useProject } from '../stores/projectStore';
import { FolderField } from './FolderField';
import { useModels } from './modelsStore';

type RawKind = 'anomalib' | 'yolo';

/** Wrap a raw anomalib or Ultralytics YOLO export as a pack of this project. */
export function ImportOnnxForm() {
  const home = useProject((s) => s.info?.homeDir ?? '');
  const importOnnx = useModels((s) => s.importOnnx);
  const busy = useModels((s) => s.busy);
  const [folder, setFolder] = useState(home);
  const [file, setFile] = useState('');
  const [kind, setKind] = useState<RawKind>('anomalib');
  const [name, setName] = useState('');
  const { listing } = useDirListing(folder.trim());
  const onnxFiles = (listing?.entries ?? [])
    .filter((e) => e.kind === 'file' && e.name.toLowerCase().endsWith('.onnx'))
    .map((e) => e.name);
  const chosen = onnxFiles.includes(file) ? file : (onnxFiles[0] ?? '');
  const onnxPath = listing && chosen ? joinPath(listing.dir, chosen) : '';
  return (
    <form
      className="models__form"
      aria-label="Import an ONNX export"
      onSubmit={(e) => {
        e.preventDefault();
        if (onnxPath && busy === null) void importOnnx(onnxPath, kind, name);
      }}
    >
      <h3 className="pack__title">Import a raw anomalib or YOLO export</h3>
      <FolderField
        label="Folder with the .onnx file"
        folder={folder}
        onFolder={setFolder}
        testId="import-onnx"
      />
      <div className="models__grid3">
        <label className="field">
          <span className="field__label">ONNX file</span>
          <select
            className="input"
            value={chosen}
            onChange={(e) => setFile(e.target.value)}
            disabled={onnxFiles.length === 0}
            data-testid="import-onnx-file"
          >
            {onnxFiles.length === 0 && <option value="">no .onnx file in this folder</option>}
            {onnxFiles.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Exported by</span>
          <select
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as RawKind)}
            data-testid="import-onnx-kind"
          >
            <option value="anomalib">anomalib (v1 or v2)</option>
            <option value="yolo">Ultralytics YOLO (detect / segment)</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Pack name</span>
          <input
            className="input"
            value={name}
            placeholder={chosen ? baseName(chosen).replace(/\.onnx$/i, '') : 'from the file name'}
            onChange={(e) => setName(e.target.value)}
            data-testid="import-onnx-name"
          />
        </label>
      </div>
      <p className="muted models__hint">
        A pack (model.json beside the model) is written to the project’s models folder.
      </p>
      <div className="dialog__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!onnxPath || busy !== null}
          data-testid="import-onnx-submit"
        >
          Import
        </button>
      </div>
    </form>
  );
}
