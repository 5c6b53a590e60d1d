import { useState } from 'react';
import { useProject } from '../stores/projectStore';
import { FolderField } from './FolderField';
import { useModels } from './modelsStore';

// The next pack is usually beside the last one: the form starts where the last add was.
let lastFolder = '';

/** Add a pack folder (model.json + ONNX files): the engine checks every file's hash first. */
export function AddFolderForm() {
  const home = useProject((s) => s.info?.homeDir ?? '');
  const addFolder = useModels((s) => s.addFolder);
  const busy = useModels((s) => s.busy);
  const [folder, setFolder] = useState(lastFolder || home);
  const path = folder.trim();
  return (
    <form
      className="models__form"
      aria-label="Add a model pack folder"
      onSubmit={(e) => {
        e.preventDefault();
        if (!path || busy !== null) return;
        lastFolder = path;
        void addFolder(path);
      }}
    >
      <h3 className="pack__title">Add a model pack folder</h3>
      <FolderField
        label="Pack folder (holds model.json)"
        folder={folder}
        onFolder={setFolder}
        testId="add-folder"
      />
      <p className="muted models__hint">
        Every file’s sha256 is checked against model.json before the pack is registered; the files stay where
        they are.
      </p>
      <div className="dialog__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!path || busy !== null}
          data-testid="add-folder-submit"
        >
          Add pack
        </button>
      </div>
    </form>
  );
}
