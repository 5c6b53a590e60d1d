import { refreshThumbs } from '../browser/thumbSource';
import { resetBrowser, useBrowser } from '../stores/browserStore';
import { useAnswers } from '../stores/answersStore';
import { useConnection } from '../stores/connectionStore';
import { isActive, useJobs } from '../stores/jobsStore';
import { forgetLabels, refetchLabels, useLabels } from '../stores/labelStore';
import { packPredicted, useReviewPack } from '../review/reviewPackStore';
import { useReview } from '../stores/reviewStore';
import { useTool } from '../stores/toolStore';
import { initialMachine } from '../tools/machine';
import { forgetDetail, forgetDetails } from '../viewer/prefetch';
import { selectFirstUndecided } from '../viewer/reviewActions';
import { useProject } from '../stores/projectStore';
import { invalidateSummaries } from '../stores/sampleCache';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useViewer } from '../stores/viewerStore';
import type { Job } from '../../../electron/contract';
import type { SamplesChangeReason } from '../../../electron/contract/events';
import type { AppEvent, Transport } from '../transport/types';
import { startActivitySignal } from './activitySignal';

const SETTLE_MS = 200;
/**
 * While a job streams results (every predicted image is an event), the lists are re-read at
 * most this often: each re-read is five requests, and the server answers one at a time, so at
 * 5 per second they queued ahead of the image and label the reviewer is waiting for.
 */
const BUSY_SETTLE_MS = 2_000;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Reasons for `samples:changed` that leave every image as it was: thumbnails and the records read
 * ahead stay valid, and the samples whose records changed are named by their own events
 * (`labels:changed`, `predictions:changed`), which forget just those.
 */
const IMAGES_KEPT: ReadonlySet<SamplesChangeReason> = new Set(['labels', 'predictions']);

const jobRunning = () => useJobs.getState().jobs.some(isActive);

/** Re-reads what the store may have changed; bursts of events (a running import) collapse into one. */
function refreshSamples(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(
    () => {
      refreshTimer = null;
      if (!useProject.getState().project) return;
      invalidateSummaries();
      void useBrowser
        .getState()
        .reload()
        .then(() => {
          void useProject.getState().refreshProject();
          void useTaxonomy.getState().load();
          void useReview.getState().refreshStats();
        });
    },
    jobRunning() ? BUSY_SETTLE_MS : SETTLE_MS,
  );
}

/** Re-reads the open image's label, then drops the streamed answer: the stored texts replace it without a gap. */
function settleStream(drop: () => void): void {
  void useLabels.getState().reload().finally(drop);
}

/** An inference job stopped while the image on screen still shows its half-streamed answer. */
function streamEnded(job: Job): boolean {
  const stopped = job.state !== 'queued' && job.state !== 'running';
  return job.kind === 'inference' && stopped && useAnswers.getState().stream?.jobId === job.id;
}

function onEvent(event: AppEvent): void {
  switch (event.name) {
    case 'job:progress':
      useJobs.getState().upsert(event.payload);
      if (streamEnded(event.payload)) settleStream(() => useAnswers.getState().endJob(event.payload.id));
      if (event.payload.kind === 'import' && event.payload.state === 'done') refreshSamples();
      break;
    case 'job:problem':
      useJobs.getState().addProblem(event.payload.jobId, event.payload);
      break;
    case 'samples:changed':
      if (!IMAGES_KEPT.has(event.payload.reason)) {
        forgetDetails();
        refreshThumbs();
      }
      refreshSamples();
      break;
    case 'labels:changed':
      // Someone changed this image's truth (here, in another tab or window): show the new one.
      useLabels.getState().changed(event.payload.sampleId, event.payload.revision);
      forgetDetail(event.payload.sampleId);
      if (useViewer.getState().sampleId === event.payload.sampleId) void useViewer.getState().refresh();
      refreshSamples();
      break;
    case 'predictions:changed': {
      const open = useViewer.getState().sampleId;
      const ids = event.payload.sampleIds;
      ids.forEach(forgetDetail);
      if (open !== null && ids.includes(open)) settleStream(() => useAnswers.getState().settle(ids));
      packPredicted(event.payload.packId);
      refreshSamples();
      break;
    }
    case 'models:reviewPack':
      // Every image may now show another prediction: labels read again, the one on screen first.
      void useReviewPack.getState().load();
      void refetchLabels();
      forgetDetails();
      refreshSamples();
      break;
    case 'inference:token':
      useAnswers.getState().token(event.payload);
      break;
    case 'project:changed':
      if (event.payload.dir === null) useProject.setState({ project: null });
      else void useProject.getState().refreshProject();
      break;
  }
}

/** A project opened or closed (here or in another window): every per-project store starts over. */
function onProjectChange(dir: string | null): void {
  resetBrowser();
  refreshThumbs();
  invalidateSummaries(true);
  forgetDetails();
  useReview.getState().stop();
  useReview.setState({ stats: null });
  useViewer.getState().close();
  forgetLabels();
  useTaxonomy.getState().forgetCategories();
  if (dir === null) return;
  // The grid first: the server answers one query at a time, and the counts, the taxonomy's
  // colours and the jobs list are not needed to show the first screen of images.
  void useBrowser
    .getState()
    .reload()
    .then(() => {
      if ((useProject.getState().project?.dir ?? null) !== dir) return;
      void useReview.getState().refreshStats();
      void useTaxonomy.getState().load();
      void useJobs.getState().load();
    });
}

export function startSession(transport: Transport): void {
  useConnection.setState({ transport: transport.kind });
  let wasDown = false;
  transport.onConnection((state) => {
    useConnection.setState({ state });
    if (state === 'disconnected') wasDown = true;
    // Events sent while we were away are lost: read the state again instead.
    if (state === 'connected' && wasDown) {
      wasDown = false;
      void useJobs.getState().load();
      void useProject.getState().refreshProject();
      refreshSamples();
    }
  });
  transport.onEvent(onEvent);
  startActivitySignal(transport, jobRunning);
  // The open image's label follows the viewer; a new image starts with the tool at rest.
  useViewer.subscribe((state, before) => {
    if (state.sampleId === before.sampleId) return;
    useAnswers.getState().watch(state.sampleId);
    // "Missed" armed and not drawn belongs to the image it was armed on.
    if (useTool.getState().missed) useTool.getState().cancelMissed();
    const tool = useTool.getState();
    tool.setMachine(initialMachine(tool.tool));
    tool.set({ pending: null });
    if (state.sampleId === null) useLabels.getState().clear();
    else {
      const id = state.sampleId;
      const loading = useLabels.getState().load(id, useReview.getState().isAudit(id));
      // A label read ahead is on screen at once: so is the selection C and X act on.
      selectFirstUndecided(id);
      void loading.then(() => selectFirstUndecided(id));
    }
  });
  useProject.subscribe((state, before) => {
    const dir = state.project?.dir ?? null;
    if (dir !== (before.project?.dir ?? null)) onProjectChange(dir);
  });
  void useProject.getState().load();
}
