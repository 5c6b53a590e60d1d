import { lazy, Suspense } from 'react';
import { useFinetune } from './finetuneStore';

// Opened on a key or a click, never on the first screen: loaded when first opened.
const FinetuneDialog = lazy(() => import('./FinetunePanel').then((m) => ({ default: m.FinetuneDialog })));

/** Mounted once by the app: the fine-tune dialog while it is open. */
export function FinetuneHost() {
  const open = useFinetune((s) => s.open);
  return open ? (
    <Suspense fallback={null}>
      <FinetuneDialog />
    </Suspense>
  ) : null;
}
