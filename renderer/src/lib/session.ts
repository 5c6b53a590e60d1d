import { resetBrowser, useBrowser } from '../stores/browserStore';
import { useConnection } from '../stores/connectionStore';
import { useJobs } from '../stores/jobsStore';
import { forgetLabels, useLabels } from '../stores/labelStore';
import { useReview } from '../stores/reviewStore';
import { useTool } from '../stores/toolStore';
import { initialMachine } from '../tools/machine';
import { selectFirstUndecided } from '../viewer/reviewActions';
import { useProject } from '../stores/projectStore';
import { invalidateSummaries } from '../stores/sampleCache';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useViewer } from '../stores/viewerStore';
import type { AppEvent, Transport } from '../transport/types';

const SETTLE_MS = 200;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** Re-reads what the store may have changed; bursts of events (a running import) collapse into one. */
function refreshSamples(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    if (!useProject.getState().project) return;
    invalidateSummaries();
    void useBrowser.getState().reload();
    void useProject.getState().refreshProject();
    void useTaxonomy.getState().load();
    void useReview.getState().refreshStats();
  }, SETTLE_MS);
}

function onEvent(event: AppEvent): void {
  switch (event.name) {
    case 'job:progress':
      useJobs.getState().upsert(event.payload);
      if (event.payload.kind === 'import' && event.payload.state === 'done') refreshSamples();
      break;
    case 'job:problem':
      useJobs.getState().addProblem(event.payload.jobId, event.payload);
      break;
    case 'samples:changed':
      refreshSamples();
      break;
    case 'labels:changed':
      // Someone changed this image's truth (here, in another tab or window): show the new one.
      useLabels.getState().changed(event.payload.sampleId, event.payload.revision);
      if (useViewer.getState().sampleId === event.payload.sampleId) void useViewer.getState().refresh();
      refreshSamples();
      break;
    case 'predictions:changed': {
      const open = useViewer.getState().sampleId;
      if (open !== null && event.payload.sampleIds.includes(open)) void useLabels.getState().reload();
      refreshSamples();
      break;
    }
    case 'project:changed':
      if (event.payload.dir === null) useProject.setState({ project: null });
      else void useProject.getState().refreshProject();
      break;
  }
}

/** A project opened or closed (here or in another window): every per-project store starts over. */
function onProjectChange(dir: string | null): void {
  resetBrowser();
  invalidateSummaries(true);
  useReview.getState().stop();
  useReview.setState({ stats: null });
  useViewer.getState().close();
  forgetLabels();
  if (dir === null) return;
  void useReview.getState().refreshStats();
  void useBrowser.getState().reload();
  void useTaxonomy.getState().load();
  void useJobs.getState().load();
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
  // The open image's label follows the viewer; a new image starts with the tool at rest.
  useViewer.subscribe((state, before) => {
    if (state.sampleId === before.sampleId) return;
    const tool = useTool.getState();
    tool.setMachine(initialMachine(tool.tool));
    tool.set({ pending: null, missed: false });
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
