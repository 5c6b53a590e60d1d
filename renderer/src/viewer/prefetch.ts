import type { SampleDetail, SampleId } from '../../../electron/contract';
import { useLabels } from '../stores/labelStore';
import { api } from '../transport/current';
import { pixelsFor } from './pixelCache';

const details = new Map<SampleId, SampleDetail>();

/** This image's record changed in the store (labels, predictions): a copy read ahead is stale. */
export function forgetDetail(id: SampleId): void {
  details.delete(id);
}

/** Another project, or changed samples: none of the records read ahead is to be trusted. */
export function forgetDetails(): void {
  details.clear();
}

/** Reads the next image's record, pixels and label ahead of time; failures wait for the real open. */
export function prefetchSample(id: SampleId): void {
  const get = api()['samples:get'];
  void get({ id }).then((result) => {
    if (!result.ok) return;
    details.set(id, result.value);
    if (details.size > 4) details.delete(details.keys().next().value as SampleId);
    if (!result.value.error) pixelsFor(result.value, { preview: false }).catch(() => undefined);
  });
  useLabels.getState().prefetch(id);
}

/** A record read ahead, if any (taken: the open re-reads it in the background anyway). */
export function prefetchedDetail(id: SampleId): SampleDetail | undefined {
  const detail = details.get(id);
  details.delete(id);
  return detail;
}
