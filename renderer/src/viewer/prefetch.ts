import type { SampleDetail, SampleId } from '../../../electron/contract';
import { useLabels } from '../stores/labelStore';
import { useViewer } from '../stores/viewerStore';
import { api } from '../transport/current';
import { pixelsAsked, pixelsFor } from './pixelCache';

/** Records of the next images, read ahead; newest last. */
const MAX_DETAILS = 8;
const POLL_MS = 30;
const details = new Map<SampleId, SampleDetail>();

/** Keeps a record read ahead for the open; it still re-reads it in the background. */
export function rememberDetail(detail: SampleDetail): void {
  details.delete(detail.id);
  details.set(detail.id, detail);
  while (details.size > MAX_DETAILS) details.delete(details.keys().next().value as SampleId);
}

/** This image's record changed in the store (labels, predictions). */
export function forgetDetail(id: SampleId): void {
  details.delete(id);
}

/** Another project, or changed samples: none of the kept records is to be trusted. */
export function forgetDetails(): void {
  details.clear();
}

/**
 * Resolves once the open image's pixels are loaded (or failed, or the viewer closed). Reading the
 * next image ahead before that would make the two share the CPU and the connection, and the
 * image the user is waiting for arrive later.
 */
function openImageLoaded(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const { sampleId, detail } = useViewer.getState();
      if (sampleId === null || detail?.error) return resolve();
      // Waits for the viewer's own request and never starts it: pixels asked before the viewer
      // asks could reach the stage before the image's label does.
      const asked = detail?.id === sampleId ? pixelsAsked(detail) : undefined;
      if (asked)
        asked.then(
          () => resolve(),
          () => resolve(),
        );
      else setTimeout(check, POLL_MS);
    };
    check();
  });
}

/** Reads the next image's record, pixels and label ahead of time; failures wait for the real open. */
export function prefetchSample(id: SampleId): void {
  useLabels.getState().prefetch(id);
  void openImageLoaded().then(async () => {
    const result = await api()['samples:get']({ id });
    if (!result.ok) return;
    rememberDetail(result.value);
    if (!result.value.error) pixelsFor(result.value).catch(() => undefined);
  });
}

/** A record read ahead, if any (taken: the open re-reads it in the background anyway). */
export function prefetchedDetail(id: SampleId): SampleDetail | undefined {
  const detail = details.get(id);
  details.delete(id);
  return detail;
}
