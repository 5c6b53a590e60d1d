import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Job, Problem } from '../contract';
import type { ModelPackInfo, PackId } from '../contract/api-inference';
import { describeSession } from '../core/jobs/inference-report';
import { CliError } from './cli-io';
import type { CliSession } from './cli-session';

/**
 * The pack `--model` names: a folder (registered on first use), or a pack registered in the
 * project or shipped with the app, by name or name@version.
 */
export async function resolveModel(session: CliSession, model: string): Promise<ModelPackInfo> {
  if (statSync(model, { throwIfNoEntry: false })?.isDirectory()) {
    return session.call('models:add', { dir: resolve(model) });
  }
  const list = await session.call('models:list', {});
  const [name, version] = model.split('@') as [string, string | undefined];
  const matches = list.filter(
    (m) =>
      (m.name === name || m.packId === `shipped:${name}`) && (version === undefined || m.version === version),
  );
  // a registered pack whose folder now holds another version (an updated shipped pack) cannot run
  const usable = matches.filter((m) => !m.problem);
  const registered = usable.filter((m) => m.registered);
  const candidates = registered.length > 0 ? registered : usable;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0 && matches.length > 0) {
    throw new CliError(`--model ${model}: ${matches.map((m) => m.problem).join('; ')}`);
  }
  if (candidates.length === 0) {
    const known = list.map((m) => `${m.name}@${m.version}`).join(', ') || 'none';
    throw new CliError(`--model ${model}: no such folder, and no pack of that name (known: ${known})`);
  }
  const versions = candidates.map((m) => `${m.name}@${m.version}`).join(', ');
  throw new CliError(`--model ${model}: several packs match (${versions}); name one as name@version`);
}

export async function providerLine(session: CliSession, packId: PackId): Promise<string> {
  const pack = (await session.call('models:list', {})).find((m) => m.packId === packId);
  const s = pack?.session;
  if (!s) return '';
  return describeSession(s);
}

const counts = ['predicted', 'skipped', 'unchanged', 'failed'] as const;

/** Counts first, then every problem as `file: reason`. */
export function formatInferenceReport(job: Job, problems: Problem[], provider: string): string {
  const lines = [
    `${job.title}: ${job.state}, ${job.done} of ${job.total} images${provider ? ` ${provider}` : ''}`,
  ];
  for (const name of counts) {
    const count = job.outcome[name];
    if (count !== undefined || name !== 'unchanged')
      lines.push(`  ${name.padEnd(10)}${String(count ?? 0).padStart(7)}`);
  }
  if (problems.length > 0) {
    lines.push(`Problems (${problems.length}):`);
    for (const problem of problems) lines.push(`  ${problem.file}: ${problem.reason}`);
  }
  if (job.state !== 'done') lines.push(`The run ${job.state}: ${job.message}`);
  return `${lines.join('\n')}\n`;
}
