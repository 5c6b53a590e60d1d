import { resetBrowser, useBrowser } from '../stores/browserStore';
import { useConnection } from '../stores/connectionStore';
import { useJobs } from '../stores/jobsStore';
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
      // Someone changed this image's truth: the open view and the tiles show the new one.
      if (useViewer.getState().sampleId === event.payload.sampleId) void useViewer.getState().refresh();
      refreshSamples();
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
  invalidateSummaries(true);
  useViewer.getState().close();
  if (dir === null) return;
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
  useProject.subscribe((state, before) => {
    const dir = state.project?.dir ?? null;
    if (dir !== (before.project?.dir ?? null)) onProjectChange(dir);
  });
  void useProject.getState().load();
}
