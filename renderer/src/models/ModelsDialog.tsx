import { Dialog } from '../components/Dialog';
import { AddFolderForm } from './AddFolderForm';
import { ImportOnnxForm } from './ImportOnnxForm';
import { ModelsMessage } from './ModelsMessage';
import { PackList } from './PackList';
import { PackPane } from './PackPane';
import { RunJobs } from './RunJobs';
import { useModels } from './modelsStore';
import './models.css';

/** Model packs of the project: what each is, add or remove one, and run it on images. */
export function ModelsDialog() {
  const show = useModels((s) => s.show);
  const pane = useModels((s) => s.pane);
  return (
    <Dialog title="Model packs" onClose={() => show(false)} size="sheet" testId="models-dialog">
      <div className="dialog__body models">
        <div className="models__cols">
          <PackList />
          <div className="models__pane">
            {pane === 'pack' && <PackPane />}
            {pane === 'addFolder' && <AddFolderForm />}
            {pane === 'importOnnx' && <ImportOnnxForm />}
          </div>
        </div>
        <ModelsMessage />
        <RunJobs />
      </div>
    </Dialog>
  );
}
