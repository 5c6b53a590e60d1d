import { readdirSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AppError, type DirListing, type Handlers } from '../../contract';
import type { ForegroundGate } from '../jobs/foreground-gate';
import type { SettingsStore } from '../settings/settings';
import { ProjectStore } from '../store';

const MAX_ENTRIES = 5000;

export function appHandlers(deps: {
  transport: 'electron' | 'http';
  version: string;
  settings: SettingsStore;
  gate: ForegroundGate;
}): Pick<Handlers, 'app:info' | 'app:activity' | 'fs:list'> {
  return {
    'app:info': () => ({
      version: deps.version,
      transport: deps.transport,
      platform: platform(),
      homeDir: homedir(),
      recentProjects: deps.settings.read().recentProjects,
    }),
    'app:activity': () => {
      deps.gate.touch();
      return null;
    },
    'fs:list': ({ dir }) => listDirectory(resolve(dir ?? homedir())),
  };
}

/** Folder names only (never file contents): what the project and import pickers browse. */
function listDirectory(dir: string): DirListing {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `${dir}: not a folder`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `${dir}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
  const entries = names
    .filter((name) => !name.startsWith('.'))
    .slice(0, MAX_ENTRIES)
    .flatMap((name) => {
      const full = join(dir, name);
      try {
        const isDir = statSync(full).isDirectory();
        return [
          {
            name,
            kind: isDir ? ('dir' as const) : ('file' as const),
            isProject: isDir && ProjectStore.isProjectDir(full),
          },
        ];
      } catch {
        return []; // a dangling link or a file we may not stat is not worth an error in a picker
      }
    })
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(dir);
  return { dir, parent: parent === dir ? null : parent, entries };
}
