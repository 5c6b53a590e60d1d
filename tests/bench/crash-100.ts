import { checkDurable, killDuringEdits, type Ack } from './lib/crash-trial';
import { fixtureProject } from './lib/fixture-project';
import { benchCore } from './lib/bench-core';
import { removeScratch } from './lib/scratch';
import { median, percentile } from './lib/stats';
import { random } from './lib/synthetic-image';
import type { Bench } from './lib/types';

const FULL = 100;
const QUICK = 8;
/** The kill lands uniformly within this long after the first acknowledgement. */
const KILL_WINDOW_MS = 400;

async function okSample(dir: string): Promise<number> {
  const bench = benchCore();
  try {
    await bench.call('project:open', { dir });
    const { ids } = await bench.call('samples:ids', { filter: { verdicts: ['OK'] } });
    if (ids[0] === undefined) throw new Error(`${dir}: the BSData fixture has no OK image`);
    return ids[0];
  } finally {
    await bench.core.close();
  }
}

const bench: Bench = {
  name: 'crash-100',
  title: 'crash test: every acknowledged edit survives SIGKILL',
  order: 55,
  method:
    'Imports the BSData fixture through the core. Each trial starts a child process (the durability ' +
    "test's edit loop, tests/unit/review/fixtures/apply-loop.ts) that opens the project in a real core " +
    'and applies edits through `dispatch(labels:apply)` without pause (L4 texts and new regions), writing ' +
    '"ack <revision>" to its stdout pipe after each call returned. A seeded random moment after its first ' +
    `acknowledgement (uniform over ${KILL_WINDOW_MS} ms) the bench kills it with SIGKILL, reopens the project and checks ` +
    'integrity_check, that every revision acknowledged so far, in this trial and all before, is stored with ' +
    'its author, and that the label row stands at the newest revision. Trials run one after another on the same project.',
  async run({ quick, log }) {
    try {
      return await crashTrials(quick ? QUICK : FULL, quick, log);
    } finally {
      removeScratch();
    }
  },
};

async function crashTrials(trials: number, quick: boolean, log: (m: string) => void) {
  const dir = await fixtureProject('bsdata', log);
  const sampleId = await okSample(dir);
  const rnd = random(4242);
  const acked: Ack[] = [];
  const perTrial: number[] = [];
  const failures: string[] = [];
  for (let t = 0; t < trials; t++) {
    const trial = await killDuringEdits(dir, sampleId, rnd() * KILL_WINDOW_MS);
    if (trial.acks.length === 0) failures.push(`trial ${t + 1}: no acknowledgement before the kill`);
    acked.push(...trial.acks);
    perTrial.push(trial.acks.length);
    const problems = checkDurable(dir, sampleId, acked);
    if (problems.length) failures.push(`trial ${t + 1}: ${problems.slice(0, 3).join('; ')}`);
    if ((t + 1) % 10 === 0) log(`${t + 1} / ${trials} trials, ${acked.length} acknowledged edits`);
  }
  const lost = failures.length;
  return {
    measures: [
      {
        name: 'trials (SIGKILL during edits)',
        value: trials,
        unit: 'trials',
        target: quick ? '≥ 100 (quick: fewer)' : '≥ 100',
        pass: quick ? null : trials >= 100,
      },
      { name: 'acknowledged edits checked', value: acked.length, unit: 'edits' },
      { name: 'acknowledged edits per trial, median', value: median(perTrial), unit: 'edits' },
      { name: 'acknowledged edits per trial, p5', value: percentile(perTrial, 5), unit: 'edits' },
      {
        name: 'trials with a lost or inconsistent edit',
        value: lost,
        unit: 'trials',
        target: '0',
        pass: lost === 0,
      },
    ],
    notes: [
      ...failures.slice(0, 5).map((f) => `**${f}**`),
      'On Linux a write to a pipe is complete when write() returns, so a line the bench read was acknowledged ' +
        'before the kill; the edit in flight at the kill may or may not be stored, and either is correct.',
      'SIGKILL ends the process, not the machine: this proves the commit is atomic and reaches the OS before the ' +
        'acknowledgement; surviving a power cut rests on synchronous=FULL (see edit-ack).',
    ],
  };
}

export default bench;
