import { basename, resolve } from 'node:path';
import type { Handlers } from '../../contract';
import type { EventBus } from '../event-bus';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';
import type { SettingsStore } from '../settings/settings';
import { ProjectStore } from '../store';

type Deps = { session: ProjectSession; settings: SettingsStore; bus: EventBus; jobs: JobManager };

export function projectHandlers(
  deps: Deps,
): Pick<Handlers, 'project:create' | 'project:open' | 'project:current' | 'project:close'> {
  const { session, settings, bus } = deps;

  const switchTo = async (store: ProjectStore | null) => {
    // Jobs write into the open project's store, so they end before it closes.
    await deps.jobs.cancelAll();
    session.replace(store);
    if (store) settings.rememberProject(store.dir, store.summary().name);
    bus.emit('project:changed', { dir: store?.dir ?? null });
    return store?.summary() ?? null;
  };

  return {
    'project:create': async ({ dir, name }) => {
      const full = resolve(dir);
      const store = ProjectStore.create(full, name ?? basename(full));
      return (await switchTo(store))!;
    },
    'project:open': async ({ dir }) => {
      const full = resolve(dir);
      if (session.store?.dir === full) return session.store.summary();
      return (await switchTo(ProjectStore.open(full)))!;
    },
    'project:current': () => session.store?.summary() ?? null,
    'project:close': async () => {
      await switchTo(null);
      return null;
    },
  };
}
