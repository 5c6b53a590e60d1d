import { asSampleId, type Handlers } from '../../contract';
import type { LabelState } from '../../contract/review';
import type { EventBus } from '../event-bus';
import type { ProjectSession } from '../project-session';
import { history } from '../review/history';
import { applyCommand, redo, restore, undo } from '../review/label-service';
import { readLabelState, requireHead } from '../review/label-state';
import { importPredictions } from '../review/predictions-import';
import { reviewQueue } from '../review/review-queue';
import { reviewStats } from '../store/review-queue';

type ReviewMethods =
  | 'labels:get'
  | 'labels:apply'
  | 'labels:undo'
  | 'labels:redo'
  | 'labels:restore'
  | 'labels:history'
  | 'predictions:import'
  | 'review:queue'
  | 'review:stats';

export function reviewHandlers(deps: {
  session: ProjectSession;
  bus: EventBus;
}): Pick<Handlers, ReviewMethods> {
  const { session, bus } = deps;
  const db = () => session.require().db;

  /** After a committed write, tells every window: the label's own and the grid's state dots. */
  const written = (state: LabelState): LabelState => {
    bus.emit('labels:changed', { sampleId: state.sampleId, revision: state.revision });
    bus.emit('samples:changed', { reason: 'labels' });
    return state;
  };

  return {
    'labels:get': ({ sampleId }) => readLabelState(db(), sampleId),
    'labels:apply': (input) => written(applyCommand(db(), input)),
    'labels:undo': (input) => written(undo(db(), input)),
    'labels:redo': (input) => written(redo(db(), input)),
    'labels:restore': (input) => written(restore(db(), input)),
    'labels:history': ({ sampleId }) => {
      requireHead(db(), sampleId);
      return history(db(), sampleId);
    },
    'predictions:import': ({ file }) => {
      const { report, changed } = importPredictions(session.require(), file);
      if (changed.sampleIds.length > 0 && changed.packRowId !== null) {
        // Same event and pack id form as an inference job's, so windows need one refresh path.
        bus.emit('predictions:changed', {
          sampleIds: changed.sampleIds.map(asSampleId),
          packId: `pack:${changed.packRowId}`,
        });
        bus.emit('samples:changed', { reason: 'predictions' });
      }
      return report;
    },
    'review:queue': (input) => reviewQueue(session.require(), input),
    'review:stats': ({ filter }) => reviewStats(db(), filter),
  };
}
