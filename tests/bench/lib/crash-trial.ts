import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ProjectStore } from '../../../electron/core/store';
import { scratchDir } from './scratch';

/** The durability test's child: applies edits through the real core and prints "ack <revision> <text>" after each. */
const editLoop = fileURLToPath(new URL('../../unit/review/fixtures/apply-loop.ts', import.meta.url));

export type Ack = { revision: number; text: string };
export type Trial = { acks: Ack[]; killAfterMs: number; startMs: number };

/**
 * Starts the edit loop on `sampleId`, kills it with SIGKILL `killAfterMs` after its first
 * acknowledgement, and returns the acknowledgements it printed in whole lines.
 */
export function killDuringEdits(dir: string, sampleId: number, killAfterMs: number): Promise<Trial> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', editLoop, dir, String(sampleId), scratchDir('crash-settings')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let startMs = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!startMs && stdout.includes('\n')) {
        startMs = performance.now() - started;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        return reject(new Error(`${editLoop} ended by itself (code ${code}): ${stderr.slice(-500)}`));
      // Only whole lines: the kill may cut the last one short.
      const acks = stdout
        .split('\n')
        .slice(0, -1)
        .map((line) => {
          const [, revision, ...text] = line.split(' ');
          return { revision: Number(revision), text: text.join(' ') };
        });
      resolve({ acks, killAfterMs, startMs });
    });
  });
}

/**
 * Reopens the project after a kill and lists what is wrong: an integrity problem, an acknowledged
 * revision that is missing or not the edit loop's, or a label row out of step with its newest revision.
 */
export function checkDurable(dir: string, sampleId: number, acked: readonly Ack[]): string[] {
  const problems: string[] = [];
  const store = ProjectStore.open(dir);
  try {
    const integrity = store.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const stored = new Map(store.revisions(sampleId).map((r) => [r.id, r]));
    for (const ack of acked) {
      const revision = stored.get(ack.revision);
      if (!revision) problems.push(`acknowledged revision ${ack.revision} (${ack.text}) is missing`);
      else if (revision.author !== 'crash-test')
        problems.push(`revision ${ack.revision} has author ${revision.author}`);
    }
    const label = store.db.prepare('SELECT revision FROM labels WHERE sample_id = ?').get(sampleId) as
      { revision: number } | undefined;
    const newest = Math.max(0, ...stored.keys());
    if (label?.revision !== newest)
      problems.push(`label row at revision ${label?.revision}, newest revision ${newest}`);
    return problems;
  } finally {
    store.close();
  }
}
