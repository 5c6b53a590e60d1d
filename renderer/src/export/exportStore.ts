import { create } from 'zustand';
import type { JobId } from '../../../electron/contract';
import type { ExportFormat, ExportReport } from '../../../electron/contract/api-exchange';
import { call } from '../lib/call';
import { useBrowser } from '../stores/browserStore';
import { useJobs } from '../stores/jobsStore';
import { useProject } from '../stores/projectStore';
import { useToasts } from '../stores/toastStore';
import { defaultOutDir } from './outDir';
import { readChoices, saveChoices } from './savedChoices';

export type ExportScope = 'all' | 'filter';

/** One press of Export: its job, then its report or why there is none. */
export type ExportRun = {
  seq: number;
  format: ExportFormat;
  outDir: string;
  jobId: JobId | null;
  report: ExportReport | null;
  /** Failed, cancelled, or the report could not be read. */
  error: string | null;
};

type Choices = {
  format: ExportFormat;
  scope: ExportScope;
  reviewedOnly: boolean;
  copyImages: boolean;
  outDir: string;
};

type ExportStore = Choices & {
  open: boolean;
  /** The person typed or picked the folder: a change of format no longer renames it. */
  outDirChosen: boolean;
  run: ExportRun | null;
  show(open: boolean): void;
  choose(patch: Partial<Omit<Choices, 'outDir'>>): void;
  chooseOutDir(outDir: string): void;
  start(): Promise<void>;
  cancel(): void;
};

// Folders this window exported into: a second export within the same second must not be offered one.
const used = new Set<string>();

/** A fresh folder name for the format, beside the open project. */
function suggestedOutDir(format: ExportFormat): string {
  const project = useProject.getState().project;
  if (!project) return '';
  const base = defaultOutDir(project.dir, project.name, format, new Date());
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  return name;
}

let runCount = 0;

export const useExport = create<ExportStore>((set, get) => ({
  open: false,
  ...readChoices(),
  scope: 'all',
  outDir: '',
  outDirChosen: false,
  run: null,
  show(open) {
    if (open && !get().outDirChosen) set({ outDir: suggestedOutDir(get().format) });
    set({ open });
  },
  choose(patch) {
    set(patch);
    if (patch.format && !get().outDirChosen) set({ outDir: suggestedOutDir(patch.format) });
  },
  chooseOutDir(outDir) {
    set({ outDir, outDirChosen: true });
  },
  async start() {
    const { format, scope, reviewedOnly, copyImages } = get();
    saveChoices({ format, reviewedOnly, copyImages });
    const outDir = get().outDir.trim();
    const seq = ++runCount;
    useToasts.getState().clearArea('export');
    set({ run: { seq, format, outDir, jobId: null, report: null, error: null } });
    const filter = scope === 'filter' ? useBrowser.getState().filter : {};
    const started = await call(
      'export',
      'export:start',
      { format, outDir, filter, reviewedOnly, copyImages },
      `Cannot export to ${outDir}`,
    );
    if (!started) return patchRun(seq, { error: 'The export did not start' });
    patchRun(seq, { jobId: started.jobId });
    used.add(outDir);
    // The folder now holds this export: the next one gets a new name unless a person chose this one.
    if (!get().outDirChosen) set({ outDir: suggestedOutDir(format) });
    if (!useJobs.getState().jobs.some((j) => j.id === started.jobId)) {
      const job = await call('export', 'jobs:get', { jobId: started.jobId }, 'Cannot read the export job');
      if (job) useJobs.getState().upsert(job);
    }
  },
  cancel() {
    const run = get().run;
    if (run?.jobId && !run.report && !run.error) void useJobs.getState().cancel(run.jobId);
  },
}));

function patchRun(seq: number, patch: Partial<ExportRun>): void {
  useExport.setState((s) => (s.run?.seq === seq ? { run: { ...s.run, ...patch } } : s));
}

/** True from the press of Export until its report (or error) is in. */
export const isExporting = (run: ExportRun | null): boolean => !!run && !run.report && !run.error;

// Jobs whose report is being read, so a burst of events reads each once.
const settling = new Set<JobId>();

/** Follows the jobs store (fed by job:progress events) for the export on screen. */
function followJob(): void {
  const run = useExport.getState().run;
  if (!run?.jobId || settling.has(run.jobId)) return;
  const job = useJobs.getState().jobs.find((j) => j.id === run.jobId);
  if (!job || job.state === 'queued' || job.state === 'running') return;
  settling.add(run.jobId);
  if (job.state !== 'done') {
    patchRun(run.seq, { error: job.state === 'cancelled' ? 'Cancelled' : job.message || 'Failed' });
    return;
  }
  void call('export', 'export:report', { jobId: run.jobId }, 'Cannot read the export report').then((report) =>
    patchRun(run.seq, report ? { report } : { error: 'The report could not be read' }),
  );
}
useJobs.subscribe(followJob);
useExport.subscribe((s, before) => {
  if (s.run !== before.run) followJob();
});
