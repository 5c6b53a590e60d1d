import { useState } from 'react';
import { DirectoryBrowser } from '../components/DirectoryBrowser';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ToastHost } from '../components/ToastHost';
import { useProject } from '../stores/projectStore';
import { RecentProjects } from './RecentProjects';

/** No project open: pick a recent one, or a folder to open or create one in. */
export function ProjectPicker() {
  const info = useProject((s) => s.info);
  const { open, create, busy } = useProject();
  const [path, setPath] = useState(info?.homeDir ?? '');
  const [name, setName] = useState('');
  const trimmed = path.trim();

  const onActivate = (dir: string, isProject: boolean) => {
    if (isProject) void open(dir);
    return isProject;
  };

  return (
    <main className="picker" data-testid="project-picker">
      <div className="picker__card">
        <header className="picker__head">
          <h1 className="picker__title">MAU Studio</h1>
          <span className="muted">
            {info ? `${info.version} · ${info.transport === 'http' ? 'browser' : 'desktop'}` : ''}
          </span>
        </header>
        <div className="picker__cols">
          <ErrorBoundary panel="recent projects">
            <RecentProjects />
          </ErrorBoundary>
          <ErrorBoundary panel="project folder">
            <section className="picker__folder" aria-labelledby="folder-title">
              <h2 id="folder-title" className="section-title">
                Project folder
              </h2>
              <form
                className="picker__form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (trimmed) void open(trimmed);
                }}
              >
                <label className="field">
                  <span className="field__label">Folder</span>
                  <input
                    className="input input--mono"
                    value={path}
                    onChange={(e) => setPath(e.target.value)}
                    spellCheck={false}
                    autoFocus
                    data-testid="picker-path"
                  />
                </label>
                <DirectoryBrowser path={path} onPath={setPath} onActivate={onActivate} testId="picker-dirs" />
                <label className="field">
                  <span className="field__label">Name (new project; defaults to the folder name)</span>
                  <input
                    className="input"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    data-testid="picker-name"
                  />
                </label>
                <div className="picker__actions">
                  <button
                    type="button"
                    className="btn"
                    disabled={!trimmed || busy}
                    onClick={() => void create(trimmed, name.trim() || undefined)}
                    data-testid="picker-create"
                  >
                    Create project here
                  </button>
                  <button
                    type="submit"
                    className="btn btn--primary"
                    disabled={!trimmed || busy}
                    data-testid="picker-open"
                  >
                    Open project
                  </button>
                </div>
              </form>
            </section>
          </ErrorBoundary>
        </div>
        <ToastHost area="picker" />
      </div>
    </main>
  );
}
