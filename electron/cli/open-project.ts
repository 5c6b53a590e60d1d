import { resolve } from 'node:path';
import type { ProjectSummary } from '../contract';
import { CliError } from './cli-io';
import type { Core } from '../core/core-types';
import { describeError, withCliSession, type CliSession } from './cli-session';

/** Opens the project in `dir`, or makes one there when the folder holds none yet. */
export async function openOrCreateProject(
  session: CliSession,
  dir: string,
): Promise<{ project: ProjectSummary; created: boolean }> {
  const full = resolve(dir);
  const opened = await session.invoke('project:open', { dir: full });
  if (opened.ok) return { project: opened.value, created: false };
  // NOT_FOUND is "no project here"; anything else (a newer schema, a locked file) must not be papered over.
  if (opened.error.code !== 'NOT_FOUND') throw new CliError(describeError(opened.error));
  return { project: await session.call('project:create', { dir: full }), created: true };
}

/** A session with the existing project in `dir` open, lent to `work` and closed afterwards. */
export function withOpenProject<T>(
  dir: string,
  work: (session: CliSession, project: ProjectSummary) => Promise<T>,
  core?: Core,
): Promise<T> {
  return withCliSession(core, async (session) =>
    work(session, await session.call('project:open', { dir: resolve(dir) })),
  );
}
