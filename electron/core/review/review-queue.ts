import type { SampleFilter } from '../../contract/domain';
import { asSampleId } from '../../contract/ids';
import type { ReviewQueue } from '../../contract/review';
import type { ProjectStore } from '../store';
import { queueFacts } from '../store/review-queue';
import { hashText } from './prng';
import { orderQueue } from './queue-order';

export type QueueRequest = {
  filter: SampleFilter;
  threshold: number;
  auditShare: number;
  seed?: number | undefined;
};

/** The review order for the images a filter selects, with its blind audits. */
export function reviewQueue(store: ProjectStore, request: QueueRequest): ReviewQueue {
  const ids = store.sampleIds(request.filter, 'path');
  // Without a seed the audits stay the same for the project, call after call.
  const seed = request.seed ?? hashText(`${store.summary().createdAt}:${store.dir}`);
  const order = orderQueue(queueFacts(store.db, ids), { ...request, seed });
  return { ids: order.ids.map(asSampleId), audits: order.audits.map(asSampleId) };
}
