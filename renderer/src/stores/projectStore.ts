import { create } from 'zustand';
import type { AppInfo, ProjectSummary } from '../../../electron/contract';
import { call, callResult } from '../lib/call';

type ProjectStore = {
  /** False until the first app:info / project:current answer, so nothing flashes the picker. */
  ready: boolean;
  info: AppInfo | null;
  project: ProjectSummary | null;
  busy: boolean;
  load(): Promise<void>;
  refreshInfo(): Promise<void>;
  refreshProject(): Promise<void>;
  open(dir: string): Promise<boolean>;
  create(dir: string, name?: string): Promise<boolean>;
  close(): Promise<void>;
};

export const useProject = create<ProjectStore>((set, get) => ({
  ready: false,
  info: null,
  project: null,
  busy: false,
  async load() {
    const [info, current] = await Promise.all([
      call('app', 'app:info', {}, 'Cannot read the app information'),
      callResult('app', 'project:current', {}, 'Cannot ask which project is open'),
    ]);
    set({ info, project: current.ok ? current.value : null, ready: true });
  },
  async refreshInfo() {
    const info = await call('picker', 'app:info', {}, 'Cannot read the recent projects');
    if (info) set({ info });
  },
  async refreshProject() {
    const current = await callResult('app', 'project:current', {}, 'Cannot ask which project is open');
    if (current.ok) set({ project: current.value });
  },
  async open(dir) {
    set({ busy: true });
    const project = await call('picker', 'project:open', { dir }, `Cannot open ${dir}`);
    set({ busy: false, ...(project ? { project } : {}) });
    return project !== null;
  },
  async create(dir, name) {
    set({ busy: true });
    const input = name ? { dir, name } : { dir };
    const project = await call('picker', 'project:create', input, `Cannot create a project in ${dir}`);
    set({ busy: false, ...(project ? { project } : {}) });
    return project !== null;
  },
  async close() {
    const closed = await callResult('browser', 'project:close', {}, 'Cannot close the project');
    if (closed.ok) {
      set({ project: null });
      void get().refreshInfo();
    }
  },
}));
