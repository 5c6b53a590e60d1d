import { lazy, Suspense, useEffect } from 'react';
import { BrowserScreen } from './browser/BrowserScreen';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useEvaluation } from './evaluation/evaluationStore';
import { useExport } from './export/exportStore';
import { StatusBar } from './components/StatusBar';
import { ToastHost } from './components/ToastHost';
import { FinetuneHost } from './finetune/FinetuneDialog';
import { ModelsDialogHost } from './models/ModelsDialogHost';
import { handleKey } from './keys/dispatcher';
import { useKeys } from './keys/useKeys';
import { ProjectPicker } from './picker/ProjectPicker';
import { useProject } from './stores/projectStore';
import { useUi } from './stores/uiStore';
import { useViewer } from './stores/viewerStore';

// The viewer (Konva, tools, review) is most of the code; loading it after the grid keeps the
// first paint of a big project fast. It is fetched in the background once the app is up.
const loadViewer = () => import('./viewer/ViewerScreen').then((m) => ({ default: m.ViewerScreen }));
const ViewerScreen = lazy(loadViewer);
const EvaluationScreen = lazy(() =>
  import('./evaluation/EvaluationScreen').then((m) => ({ default: m.EvaluationScreen })),
);
const ExportScreen = lazy(() => import('./export/ExportScreen').then((m) => ({ default: m.ExportScreen })));
// Dialogs open on a key or a click, never on the first screen: loaded when first opened.
const ImportDialog = lazy(() => import('./importer/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ShortcutSheet = lazy(() =>
  import('./components/ShortcutSheet').then((m) => ({ default: m.ShortcutSheet })),
);
const KeymapDialog = lazy(() =>
  import('./components/KeymapDialog').then((m) => ({ default: m.KeymapDialog })),
);

function Screen() {
  const ready = useProject((s) => s.ready);
  const hasProject = useProject((s) => s.project !== null);
  const viewing = useViewer((s) => s.sampleId !== null);
  const evaluating = useEvaluation((s) => s.open);
  const exporting = useExport((s) => s.open);
  if (!ready) return <div className="empty">Starting…</div>;
  if (!hasProject) return <ProjectPicker />;
  if (evaluating)
    return (
      <Suspense fallback={<div className="empty">Opening…</div>}>
        <EvaluationScreen />
      </Suspense>
    );
  if (exporting)
    return (
      <Suspense fallback={<div className="empty">Opening…</div>}>
        <ExportScreen />
      </Suspense>
    );
  if (!viewing) return <BrowserScreen />;
  return (
    <Suspense fallback={<div className="empty">Opening…</div>}>
      <ViewerScreen />
    </Suspense>
  );
}

export function App() {
  const hasProject = useProject((s) => s.project !== null);
  const { importOpen, shortcutsOpen, keymapOpen, set } = useUi();

  useEffect(() => {
    const preload = setTimeout(() => void loadViewer(), 1500);
    return () => clearTimeout(preload);
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
  useKeys('global', {
    help: () => set({ shortcutsOpen: !useUi.getState().shortcutsOpen }),
    jobs: () => hasProject && set({ jobsOpen: !useUi.getState().jobsOpen }),
    settings: () => set({ keymapOpen: true, shortcutsOpen: false }),
  });

  return (
    <div className="app">
      <ErrorBoundary panel="main">
        <Screen />
      </ErrorBoundary>
      <ErrorBoundary panel="status bar">
        <StatusBar />
      </ErrorBoundary>
      {importOpen && hasProject && (
        <ErrorBoundary panel="import">
          <Suspense fallback={null}>
            <ImportDialog />
          </Suspense>
        </ErrorBoundary>
      )}
      {hasProject && <ModelsDialogHost />}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutSheet onClose={() => set({ shortcutsOpen: false })} />
        </Suspense>
      )}
      {keymapOpen && (
        <Suspense fallback={null}>
          <KeymapDialog onClose={() => set({ keymapOpen: false })} />
        </Suspense>
      )}
      {hasProject && <FinetuneHost />}
      <ToastHost area="app" />
    </div>
  );
}
