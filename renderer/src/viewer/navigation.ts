import type { SampleId } from '../../../electron/contract';
import { call } from '../lib/call';
import { useBrowser } from '../stores/browserStore';
import { useReview } from '../stores/reviewStore';
import { showInfo } from '../stores/toastStore';
import { useViewer } from '../stores/viewerStore';
import { prefetchSample } from './prefetch';

function openQueued(index: number): boolean {
  const { ids, setIndex } = useReview.getState();
  const id = ids[index];
  if (id === undefined) return false;
  setIndex(index);
  void useViewer.getState().open(id);
  const next = ids[index + 1];
  if (next !== undefined) prefetchSample(next);
  return true;
}

/** The list the viewer walks: the review queue while reviewing, else the grid's order. */
export function walkedList(): { ids: readonly SampleId[]; index: number } {
  const review = useReview.getState();
  if (review.active) return { ids: review.ids, index: review.index };
  const { ids, selected } = useBrowser.getState();
  return { ids, index: selected };
}

/** Opens the image at `index` of that list; `ahead` is the direction to prefetch in. */
export function goTo(index: number, ahead = 1): boolean {
  if (useReview.getState().active) return openQueued(index);
  const { ids, select } = useBrowser.getState();
  const id = ids[index];
  if (id === undefined) return false;
  select(index);
  void useViewer.getState().open(id);
  const after = ids[index + ahead];
  if (after !== undefined) prefetchSample(after);
  return true;
}

/** Next or previous image: in the review queue when reviewing, else in the grid's order. */
export function step(delta: number): boolean {
  return goTo(walkedList().index + delta, delta);
}

/** After a verdict in the review queue: on to the next image, or say the queue is done. */
export function advance(): void {
  if (!useReview.getState().active) return;
  if (step(1)) return;
  const left = useReview.getState().stats?.left ?? 0;
  showInfo(
    'viewer',
    'End of the review queue',
    left ? `${left} images are still unreviewed: Shift+D finds them.` : 'Every image is reviewed.',
  );
}

/** Shift+D: the next image in the queue nobody has reviewed yet (wrapping around once). */
export async function nextUnreviewed(): Promise<void> {
  const { ids, index, active } = useReview.getState();
  if (!active) return;
  const order = [...ids.slice(index + 1), ...ids.slice(0, index)];
  const current = useViewer.getState().sampleId;
  for (let from = 0; from < order.length; from += 500) {
    const chunk = order.slice(from, from + 500);
    const rows = await call(
      'viewer',
      'samples:page',
      { ids: chunk },
      'Cannot read which images are reviewed',
    );
    if (!rows) return;
    const states = new Map(rows.map((r) => [r.id, r.reviewState]));
    const found = chunk.find((id) => id !== current && states.get(id) === 'unreviewed');
    if (found !== undefined) {
      openQueued(ids.indexOf(found as SampleId));
      return;
    }
  }
  showInfo('viewer', 'Nothing left to review', 'Every image in this queue has a verdict.');
}

/** From the browser: start the review queue with the grid's filter and open its first image. */
export async function startReview(): Promise<void> {
  const first = await useReview.getState().start();
  if (first === null) return;
  openQueued(0);
}
