import { create } from 'zustand';
import type { JobId } from '../../../electron/contract';
import type { FinetuneReport } from '../../../electron/contract/api-finetune';
import type { ModelPackInfo, PackId } from '../../../electron/contract/api-inference';
import { useEvaluation } from '../evaluation/evaluationStore';
import { call } from '../lib/call';
import { useJobs } from '../stores/jobsStore';
import { api } from '../transport/current';
import { useProject } from '../stores/projectStore';
import { defaultBase } from './basePacks';
import { withLoss, type LossPoint } from './progressText';

/** One started fine-tune: its job, the losses seen so far, then its report or why there is none. */
export type FinetuneRun = {
  jobId: JobId;
  losses: readonly LossPoint[];
  report: FinetuneReport | null;
  /** Failed, cancelled, or the report could not be read. */
  error: string | null;
};

export type FinetuneForm = {
  base: string;
  /** As typed; empty means the recipe's own default. */
  steps: string;
  smoke: boolean;
  reviewedOnly: boolean;
};

type FinetuneStore = {
  open: boolean;
  packs: ModelPackInfo[] | null;
  form: FinetuneForm;
  starting: boolean;
  /** Why the last start was refused. */
  startError: string | null;
  run: FinetuneRun | null;
  show(open: boolean): void;
  loadPacks(): Promise<void>;
  edit(patch: Partial<FinetuneForm>): void;
  start(): Promise<void>;
  cancel(): void;
  /** Back to the form for another run (the last one's pack stays registered). */
  again(): void;
  /** The Evaluation screen with the base and the new pack chosen side by side, and run. */
  compare(): void;
};

const initialForm: FinetuneForm = { base: '', steps: '', smoke: false, reviewedOnly: false };

/** Steps as the API takes them: a whole number ≥ 1, or undefined for the recipe's default. */
export function stepsOf(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 'invalid';
}

export const useFinetune = create<FinetuneStore>((set, get) => ({
  open: false,
  packs: null,
  form: initialForm,
  starting: false,
  startError: null,
  run: null,
  show(open) {
    set({ open });
    if (open) void get().loadPacks();
  },
  async loadPacks() {
    const packs = await call('app', 'models:list', {}, 'Cannot list the model packs');
    if (!packs) return;
    set((s) => {
      const kept = packs.some((p) => p.packId === s.form.base);
      return { packs, form: { ...s.form, base: kept ? s.form.base : defaultBase(packs) } };
    });
  },
  edit(patch) {
    set((s) => ({ form: { ...s.form, ...patch } }));
  },
  async start() {
    const { form, starting } = get();
    const steps = stepsOf(form.steps);
    if (starting || !form.base || steps === 'invalid') return;
    set({ starting: true, startError: null });
    // Refusals (wrong base, nothing to train on, no torch) are shown in the dialog, not a toast.
    const result = await api()['finetune:start']({
      base: form.base as PackId,
      smoke: form.smoke,
      reviewedOnly: form.reviewedOnly,
      ...(steps ? { steps } : {}),
    });
    if (!result.ok) return set({ starting: false, startError: result.error.message });
    const started = result.value;
    set({ starting: false, run: { jobId: started.jobId, losses: [], report: null, error: null } });
    // Its first events may have come before this answer; else ask once.
    if (!useJobs.getState().jobs.some((j) => j.id === started.jobId)) {
      const job = await call('app', 'jobs:get', { jobId: started.jobId }, 'Cannot read the job');
      if (job) useJobs.getState().upsert(job);
    }
  },
  cancel() {
    const run = get().run;
    if (run && !run.report && !run.error) void useJobs.getState().cancel(run.jobId);
  },
  again() {
    set({ run: null });
    void get().loadPacks();
  },
  compare() {
    const report = get().run?.report;
    if (!report) return;
    const evaluation = useEvaluation.getState();
    // Scored on the same held-out images as the report, so the screen's numbers are the report's.
    const list = report.heldOutIds.length
      ? {
          ids: report.heldOutIds,
          label: `held out by the fine-tune of ${report.tuned.name} ${report.tuned.version}`,
        }
      : null;
    evaluation.choose({
      packA: report.comparison.base.packId,
      packB: report.tuned.packId,
      scope: list ? 'list' : 'all',
      list,
    });
    set({ open: false });
    evaluation.show(true);
    void evaluation.run();
  },
}));

function patchRun(jobId: JobId, patch: (run: FinetuneRun) => Partial<FinetuneRun>): void {
  useFinetune.setState((s) => (s.run?.jobId === jobId ? { run: { ...s.run, ...patch(s.run) } } : s));
}

const settling = new Set<JobId>();

/** Follows the jobs store (fed by job:progress events): losses while it trains, the report at the end. */
function followJob(): void {
  const run = useFinetune.getState().run;
  if (!run || run.report || run.error) return;
  const job = useJobs.getState().jobs.find((j) => j.id === run.jobId);
  if (!job) return;
  if (job.state === 'queued' || job.state === 'running') {
    const losses = withLoss(run.losses, job.message);
    if (losses !== run.losses) patchRun(run.jobId, () => ({ losses }));
    return;
  }
  if (settling.has(run.jobId)) return;
  settling.add(run.jobId);
  if (job.state !== 'done') {
    const error = job.state === 'cancelled' ? 'Cancelled' : job.message || 'Failed';
    patchRun(run.jobId, () => ({ error }));
    return;
  }
  void call('app', 'finetune:report', { jobId: run.jobId }, 'Cannot read the fine-tune report').then(
    (report) => patchRun(run.jobId, () => (report ? { report } : { error: 'The report could not be read' })),
  );
}
useJobs.subscribe(followJob);

// Another project: its packs and runs are not this one's.
useProject.subscribe((s, before) => {
  if ((s.project?.dir ?? null) !== (before.project?.dir ?? null))
    useFinetune.setState({ open: false, packs: null, form: initialForm, run: null });
});
