import { create } from 'zustand';
import type { Job, JobId } from '../../../electron/contract';
import type { ModelPackInfo, PackId } from '../../../electron/contract/api-inference';
import { useBrowser } from '../stores/browserStore';
import { useJobs } from '../stores/jobsStore';
import { useProject } from '../stores/projectStore';
import { callModels, type ModelsError } from './callModels';
import { packTitle } from './packText';
import {
  runRequest,
  scopeAvailable,
  type ProviderChoice,
  type RunContext,
  type RunScope,
} from './runRequest';

/** What the dialog's right-hand side shows: the selected pack, or one of the two add forms. */
export type Pane = 'pack' | 'addFolder' | 'importOnnx';

type ModelsStore = {
  open: boolean;
  pane: Pane;
  packs: ModelPackInfo[] | null;
  selected: PackId | null;
  resumable: Job[];
  /** What is being done right now ("Adding …"), so buttons wait and the user sees why. */
  busy: string | null;
  error: ModelsError | null;
  /** A confirmation of something done ("Removed …; 12 predictions kept"). */
  note: string | null;
  /** The browser's selection and filter when the dialog opened: what "selection"/"filter" mean. */
  context: RunContext;
  scope: RunScope;
  provider: ProviderChoice;
  force: boolean;
  /** The runs started from this dialog, newest first, followed through the jobs store. */
  runs: JobId[];
  show(open: boolean): void;
  load(): Promise<void>;
  set(
    patch: Partial<Pick<ModelsStore, 'pane' | 'selected' | 'scope' | 'provider' | 'force' | 'error'>>,
  ): void;
  addFolder(dir: string): Promise<boolean>;
  importOnnx(onnxPath: string, kind: 'anomalib' | 'yolo', name: string): Promise<boolean>;
  remove(packId: PackId): Promise<boolean>;
  run(): Promise<void>;
  resume(jobId: JobId): Promise<void>;
};

const closedState = {
  pane: 'pack' as Pane,
  packs: null,
  resumable: [],
  busy: null,
  error: null,
  note: null,
};

function browserContext(): RunContext {
  const { ids, selected, filter } = useBrowser.getState();
  const id = ids[selected];
  return { selected: id === undefined ? [] : [id], filter };
}

/**
 * The selection after a reload. A shipped pack gets a new id once a run registers it, so a pack
 * that left the list is looked up again by name and version before falling back to the first.
 */
function stillSelected(
  before: ModelPackInfo[] | null,
  after: ModelPackInfo[],
  id: PackId | null,
): PackId | null {
  if (after.some((p) => p.packId === id)) return id;
  const old = before?.find((p) => p.packId === id);
  const same = old && after.find((p) => p.name === old.name && p.version === old.version);
  return same?.packId ?? after[0]?.packId ?? null;
}

/** Puts a new job into the jobs store at once (its first events may come before or after). */
async function track(jobId: JobId): Promise<void> {
  if (useJobs.getState().jobs.some((j) => j.id === jobId)) return;
  const job = await callModels('jobs:get', { jobId }, 'Cannot read the inference job');
  if (job.ok) useJobs.getState().upsert(job.value);
}

export const useModels = create<ModelsStore>((set, get) => {
  /** Runs one action with the dialog showing it as busy; its failure replaces any older one. */
  const act = async <T>(busy: string, work: () => Promise<T>): Promise<T> => {
    set({ busy, error: null, note: null });
    try {
      return await work();
    } finally {
      set({ busy: null });
    }
  };

  return {
    open: false,
    ...closedState,
    selected: null,
    // Kept while the dialog is closed: reopening it shows the runs still going.
    runs: [],
    context: { selected: [], filter: {} },
    scope: 'project',
    provider: 'auto',
    force: false,
    show(open) {
      if (!open) return set({ open: false, ...closedState });
      const context = browserContext();
      const scope = scopeAvailable(get().scope, context) ? get().scope : 'project';
      set({ open: true, context, scope });
      void get().load();
    },
    async load() {
      const [packs, resumable] = await Promise.all([
        callModels('models:list', {}, 'Cannot list the model packs'),
        callModels('inference:resumable', {}, 'Cannot list the interrupted inference runs'),
      ]);
      if (!packs.ok) return set({ error: packs.error, packs: get().packs ?? [] });
      set({
        packs: packs.value,
        selected: stillSelected(get().packs, packs.value, get().selected),
        resumable: resumable.ok ? resumable.value : [],
        ...(resumable.ok ? {} : { error: resumable.error }),
      });
    },
    set(patch) {
      set(patch);
    },
    async addFolder(dir) {
      const added = await act(`Adding the pack in ${dir}…`, () =>
        callModels('models:add', { dir }, `Cannot add the model pack in ${dir}`),
      );
      if (!added.ok) {
        set({ error: added.error });
        return false;
      }
      set({ pane: 'pack', selected: added.value.packId, note: `Added ${packTitle(added.value)}` });
      await get().load();
      return true;
    },
    async importOnnx(onnxPath, kind, name) {
      const input = { onnxPath, kind, ...(name.trim() ? { name: name.trim() } : {}) };
      const made = await act(`Importing ${onnxPath}…`, () =>
        callModels('models:importOnnx', input, `Cannot import ${onnxPath} as a ${kind} pack`),
      );
      if (!made.ok) {
        set({ error: made.error });
        return false;
      }
      set({ pane: 'pack', selected: made.value.packId, note: `Imported ${packTitle(made.value)}` });
      await get().load();
      return true;
    },
    async remove(packId) {
      const pack = get().packs?.find((p) => p.packId === packId);
      const title = pack ? packTitle(pack) : packId;
      const removed = await act(`Removing ${title}…`, () =>
        callModels('models:remove', { packId }, `Cannot remove ${title}`),
      );
      if (!removed.ok) {
        set({ error: removed.error });
        return false;
      }
      const kept = removed.value.predictionsKept;
      set({
        selected: null,
        note: `Removed ${title}; its ${kept} prediction${kept === 1 ? '' : 's'} stay in the project`,
      });
      await get().load();
      return true;
    },
    async run() {
      const { selected, scope, provider, force, context, packs } = get();
      const pack = packs?.find((p) => p.packId === selected);
      if (!pack) return;
      const request = runRequest({ packId: pack.packId, scope, provider, force }, context);
      const title = `Cannot run ${packTitle(pack)}`;
      if (!request.ok) return set({ error: { title, message: request.reason, details: [] } });
      const started = await act(`Starting ${packTitle(pack)}…`, () =>
        callModels('inference:start', request.input, title),
      );
      if (!started.ok) return set({ error: started.error });
      set({ runs: [started.value.jobId, ...get().runs] });
      await track(started.value.jobId);
    },
    async resume(jobId) {
      const resumed = await act('Resuming…', () =>
        callModels('jobs:resume', { jobId }, `Cannot resume inference job ${jobId}`),
      );
      if (!resumed.ok) return set({ error: resumed.error });
      set({ runs: [resumed.value.jobId, ...get().runs] });
      await track(resumed.value.jobId);
      await get().load();
    },
  };
});

// A run from the dialog that stops changes the packs' counts, sessions and the resumable list.
const settled = new Set<JobId>();
useJobs.subscribe((s) => {
  const { open, runs } = useModels.getState();
  if (!open) return;
  for (const job of s.jobs) {
    if (!runs.includes(job.id) || settled.has(job.id)) continue;
    if (job.state === 'queued' || job.state === 'running') continue;
    settled.add(job.id);
    void useModels.getState().load();
  }
});

// Another project has other packs.
useProject.subscribe((s, before) => {
  if ((s.project?.dir ?? null) === (before.project?.dir ?? null)) return;
  useModels.getState().show(false);
  useModels.setState({ runs: [], selected: null });
});
