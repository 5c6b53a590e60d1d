import { create } from 'zustand';
import type { JobId, SampleFilter, SampleId } from '../../../electron/contract';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import type { ModelPackInfo } from '../../../electron/contract/api-inference';
import { call } from '../lib/call';
import { useBrowser } from '../stores/browserStore';
import { useJobs } from '../stores/jobsStore';
import { useProject } from '../stores/projectStore';

export type Slot = 'a' | 'b';
export type Scope = 'all' | 'filter' | 'list';
/** A fixed list of images to score on (a fine-tune's held-out split), and how to name it. */
export type ScopeList = { ids: SampleId[]; label: string };

/** One pack's evaluation run: started (job), then its report or why there is none. */
export type Run = {
  /** Which Run press this is: answers for an older press are dropped. */
  seq: number;
  packId: string;
  jobId: JobId | null;
  report: EvaluationReport | null;
  /** Failed, cancelled, or the report could not be read. */
  error: string | null;
};

type EvaluationStore = {
  open: boolean;
  packs: ModelPackInfo[] | null;
  packA: string;
  /** Empty: no second pack to compare. */
  packB: string;
  scope: Scope;
  /** What scope 'list' means; null when nothing offered one. */
  list: ScopeList | null;
  runs: Partial<Record<Slot, Run>>;
  show(open: boolean): void;
  loadPacks(): Promise<void>;
  choose(patch: Partial<Pick<EvaluationStore, 'packA' | 'packB' | 'scope' | 'list'>>): void;
  run(): Promise<void>;
  cancel(): void;
};

const initial = { packs: null, packA: '', packB: '', scope: 'all' as Scope, list: null, runs: {} };

type Images = { filter: SampleFilter; sampleIds?: SampleId[] };

/** Scope "current filter": the grid's filter as it is when Run is pressed. */
function imagesFor(scope: Scope, list: ScopeList | null): Images {
  if (scope === 'filter') return { filter: useBrowser.getState().filter };
  if (scope === 'list' && list) return { filter: {}, sampleIds: list.ids };
  return { filter: {} };
}

export const useEvaluation = create<EvaluationStore>((set, get) => ({
  open: false,
  ...initial,
  show(open) {
    set({ open });
    if (open) void get().loadPacks();
  },
  async loadPacks() {
    const packs = await call('app', 'models:list', {}, 'Cannot list the model packs');
    if (!packs) return;
    const usable = packs.filter((p) => p.problem === null);
    // A pack that already predicted something is the likely one to evaluate.
    const first = usable.find((p) => p.predictionCount > 0) ?? usable[0];
    const known = (id: string) => usable.some((p) => p.packId === id);
    set((s) => ({
      packs: usable,
      packA: known(s.packA) ? s.packA : (first?.packId ?? ''),
      packB: known(s.packB) ? s.packB : '',
    }));
  },
  choose(patch) {
    set(patch);
  },
  async run() {
    const { packA, packB, scope, list } = get();
    const slots: [Slot, string][] = [['a', packA]];
    if (packB && packB !== packA) slots.push(['b', packB]);
    const seq = ++runCount;
    set({ runs: Object.fromEntries(slots.map(([slot, packId]) => [slot, emptyRun(seq, packId)])) });
    const images = imagesFor(scope, list);
    await Promise.all(slots.map(([slot, packId]) => startRun(slot, seq, packId, images)));
  },
  cancel() {
    for (const run of Object.values(get().runs)) {
      if (run?.jobId && !run.report && !run.error) void useJobs.getState().cancel(run.jobId);
    }
  },
}));

let runCount = 0;
const emptyRun = (seq: number, packId: string): Run => ({
  seq,
  packId,
  jobId: null,
  report: null,
  error: null,
});

function patchRun(slot: Slot, seq: number, patch: Partial<Run>): void {
  useEvaluation.setState((s) => {
    const run = s.runs[slot];
    if (!run || run.seq !== seq) return s;
    return { runs: { ...s.runs, [slot]: { ...run, ...patch } } };
  });
}

async function startRun(slot: Slot, seq: number, packId: string, images: Images): Promise<void> {
  const started = await call(
    'app',
    'eval:start',
    { model: packId as never, ...images },
    'Cannot start the evaluation',
  );
  if (!started) return patchRun(slot, seq, { error: 'The evaluation did not start' });
  patchRun(slot, seq, { jobId: started.jobId });
  // The job may be known already (its first events can beat this answer); else ask once.
  if (!useJobs.getState().jobs.some((j) => j.id === started.jobId)) {
    const job = await call('app', 'jobs:get', { jobId: started.jobId }, 'Cannot read the evaluation job');
    if (job) useJobs.getState().upsert(job);
  }
}

/** A finished job: its report, or why there is none. */
async function settle(slot: Slot, run: Run): Promise<void> {
  const job = useJobs.getState().jobs.find((j) => j.id === run.jobId);
  if (!job || !run.jobId || run.report || run.error) return;
  if (job.state === 'failed' || job.state === 'cancelled') {
    patchRun(slot, run.seq, { error: job.state === 'cancelled' ? 'Cancelled' : job.message || 'Failed' });
  } else if (job.state === 'done') {
    const report = await call(
      'app',
      'eval:report',
      { jobId: run.jobId },
      'Cannot read the evaluation report',
    );
    patchRun(slot, run.seq, report ? { report } : { error: 'The report could not be read' });
  }
}

// Jobs already settled (or being settled), so a burst of events fetches each report once.
const fetching = new Set<JobId>();

/** Follows the jobs store (fed by job:progress events) for the runs on screen. */
function followJobs(): void {
  for (const slot of ['a', 'b'] as const) {
    const run = useEvaluation.getState().runs[slot];
    if (!run?.jobId || fetching.has(run.jobId)) continue;
    const job = useJobs.getState().jobs.find((j) => j.id === run.jobId);
    if (!job || job.state === 'queued' || job.state === 'running') continue;
    fetching.add(run.jobId);
    void settle(slot, run);
  }
}
useJobs.subscribe(followJobs);
useEvaluation.subscribe((s, before) => {
  if (s.runs !== before.runs) followJobs();
});

// Another project: its packs and runs are not this one's.
useProject.subscribe((s, before) => {
  if ((s.project?.dir ?? null) !== (before.project?.dir ?? null))
    useEvaluation.setState({ open: false, ...initial });
});
