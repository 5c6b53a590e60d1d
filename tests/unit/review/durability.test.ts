import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/core/store';
import { tempDir } from '../../helpers/paths';
import { reviewProjects } from './helpers';

const projects = reviewProjects();
const fixture = fileURLToPath(new URL('./fixtures/apply-loop.ts', import.meta.url));

type Ack = { revision: number; text: string };

/** Starts the edit loop, kills it with SIGKILL at a random moment after its first ack, returns the acks. */
function runAndKill(dir: string, sampleId: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fixture, dir, String(sampleId), tempDir('settings')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!armed && stdout.includes('\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 300);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`edit loop ended by itself: ${stderr}`));
      // Only whole lines: the kill may cut the last one short.
      const lines = stdout.split('\n').slice(0, -1);
      resolve(
        lines.map((line) => {
          const [, revision, ...text] = line.split(' ');
          return { revision: Number(revision), text: text.join(' ') };
        }),
      );
    });
  });
}

describe('durability of acknowledged edits', () => {
  it(
    'keeps every acknowledged edit when the writing process is killed at random moments',
    { timeout: 120_000 },
    async () => {
      const { ids, dir, core } = await projects.open();
      const [sampleId] = await ids('OK');
      await core.close();

      const acked: Ack[] = [];
      for (let trial = 0; trial < 5; trial++) {
        const acks = await runAndKill(dir, sampleId!);
        expect(acks.length).toBeGreaterThan(0);
        acked.push(...acks);

        const store = ProjectStore.open(dir);
        try {
          expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
          const stored = new Map(store.revisions(sampleId!).map((r) => [r.id, r]));
          for (const ack of acked) {
            expect(stored.get(ack.revision), `revision ${ack.revision}`).toMatchObject({
              author: 'crash-test',
            });
          }
          // The label row and its newest revision were committed together.
          const label = store.db
            .prepare('SELECT revision, texts FROM labels WHERE sample_id = ?')
            .get(sampleId) as {
            revision: number;
            texts: string;
          };
          expect(label.revision).toBe(Math.max(...stored.keys()));
          expect(label.revision).toBeGreaterThanOrEqual(acks.at(-1)!.revision);
          const lastText = [...acked].reverse().find((a) => a.text !== 'region')!;
          if (label.revision === acks.at(-1)!.revision)
            expect(JSON.parse(label.texts)['4']).toBe(lastText.text);
        } finally {
          store.close();
        }
      }
      const reopened = await projects.open(dir);
      const state = await reopened.call('labels:get', { sampleId: sampleId! });
      const regions = acked.filter((a) => a.text === 'region').length;
      expect(state.regions.filter((r) => r.defectType === 'crash-test').length).toBeGreaterThanOrEqual(
        regions,
      );
      console.log(`durability: ${acked.length} acknowledged edits over 5 kills, all present`);
    },
  );
});
