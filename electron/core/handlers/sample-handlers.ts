import { AppError, type Handlers, asSampleId } from '../../contract';
import { readThumbs } from '../media-service';
import type { ProjectSession } from '../project-session';

export function sampleHandlers(
  session: ProjectSession,
): Pick<
  Handlers,
  'samples:ids' | 'samples:page' | 'samples:thumbs' | 'samples:facets' | 'samples:get' | 'taxonomy:get'
> {
  return {
    'samples:ids': ({ filter, sort, limit }) => {
      const store = session.require();
      if (limit !== undefined) {
        const head = store.sampleIdsHead(filter, sort, limit);
        return { ids: head.ids.map(asSampleId), total: head.total };
      }
      const ids = store.sampleIds(filter, sort).map(asSampleId);
      return { ids, total: ids.length };
    },
    'samples:page': ({ ids }) => session.require().samplePage(ids),
    'samples:thumbs': ({ ids }) => readThumbs(session, ids),
    'samples:facets': ({ filter }) => session.require().facets(filter),
    'samples:get': ({ id }) => {
      const detail = session.require().sampleDetail(id);
      if (!detail) throw new AppError('NOT_FOUND', `no sample ${id} in this project`);
      return detail;
    },
    'taxonomy:get': () => session.require().taxonomy(),
  };
}
