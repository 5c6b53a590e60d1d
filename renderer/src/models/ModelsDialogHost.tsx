import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useModels } from './modelsStore';

// Opened on a click or a key, never on the first screen: its code loads when first opened.
const ModelsDialog = lazy(() => import('./ModelsDialog').then((m) => ({ default: m.ModelsDialog })));

/** Mounted once by the app; the dialog is there while the store says it is open. */
export function ModelsDialogHost() {
  const open = useModels((s) => s.open);
  if (!open) return null;
  return (
    <ErrorBoundary panel="models">
      <Suspense fallback={null}>
        <ModelsDialog />
      </Suspense>
    </ErrorBoundary>
  );
}
