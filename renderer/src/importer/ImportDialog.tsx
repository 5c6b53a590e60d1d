import { useState } from 'react';
import { ImportFormat } from '../../../electron/contract';
import { Dialog } from '../components/Dialog';
import { DirectoryBrowser } from '../components/DirectoryBrowser';
import { ToastHost } from '../components/ToastHost';
import { call } from '../lib/call';
import { baseName } from '../lib/format';
import { useJobs } from '../stores/jobsStore';
import { useProject } from '../stores/projectStore';
import { useUi } from '../stores/uiStore';
import { importStartFolder } from './startFolder';

const formatLabel: Record<ImportFormat, string> = {
  auto: 'Detect automatically',
  folder: 'Plain folder of images',
  mvtec: 'MVTec AD',
  labelme: 'LabelMe JSON',
  bsdata: 'BSData (ball screw drive)',
  deeppcb: 'DeepPCB',
  voc: 'Pascal VOC XML',
  coco: 'COCO JSON',
  yolo: 'YOLO txt',
};

export function ImportDialog() {
  const setUi = useUi((s) => s.set);
  const home = useProject((s) => s.info?.homeDir ?? '');
  const roots = useProject((s) => s.project?.imageRoots);
  const [source, setSource] = useState(() => importStartFolder(roots ?? [], home));
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [fixtureOnly, setFixtureOnly] = useState(false);
  const [sourceName, setSourceName] = useState('');
  const [starting, setStarting] = useState(false);
  const close = () => setUi({ importOpen: false });
  const path = source.trim();

  const start = async () => {
    setStarting(true);
    const name = sourceName.trim();
    const started = await call(
      'import',
      'import:start',
      { source: path, format, fixtureOnly, ...(name ? { sourceName: name } : {}) },
      `Cannot import ${path}`,
    );
    setStarting(false);
    if (!started) return;
    const job = await call('jobs', 'jobs:get', { jobId: started.jobId }, 'Cannot read the import job');
    if (job) useJobs.getState().upsert(job);
    setUi({ importOpen: false, jobsOpen: true });
  };

  return (
    <Dialog title="Import images" onClose={close} size="wide" testId="import-dialog">
      <form
        className="dialog__body import"
        onSubmit={(e) => {
          e.preventDefault();
          if (path && !starting) void start();
        }}
      >
        <label className="field">
          <span className="field__label">Source folder</span>
          <input
            className="input input--mono"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            spellCheck={false}
            data-autofocus
            data-testid="import-source"
          />
        </label>
        <DirectoryBrowser path={source} onPath={setSource} testId="import-dirs" />
        <div className="import__row">
          <label className="field">
            <span className="field__label">Format</span>
            <select
              className="input"
              value={format}
              onChange={(e) => setFormat(e.target.value as ImportFormat)}
              data-testid="import-format"
            >
              {ImportFormat.options.map((f) => (
                <option key={f} value={f}>
                  {formatLabel[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Source name</span>
            <input
              className="input"
              value={sourceName}
              placeholder={path ? baseName(path) : 'folder name'}
              onChange={(e) => setSourceName(e.target.value)}
              data-testid="import-name"
            />
          </label>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={fixtureOnly}
            onChange={(e) => setFixtureOnly(e.target.checked)}
            data-testid="import-fixture"
          />
          Fixture rows only <span className="muted">(the small test subset a dataset manifest marks)</span>
        </label>
        <p className="muted import__note">
          Images stay where they are; the project stores references and thumbnails.
        </p>
        <ToastHost area="import" inline />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!path || starting}
            data-testid="import-start"
          >
            {starting ? 'Starting…' : 'Start import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
