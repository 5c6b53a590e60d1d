import { useEffect, useRef } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ScreenHeader } from '../components/ScreenHeader';
import { useEvaluation, type Run, type Slot } from './evaluationStore';
import { HeadlineTable } from './HeadlineTable';
import { PackColumn } from './PackColumn';
import { packName } from './packLabel';
import { RunForm } from './RunForm';
import { RunProgress } from './RunProgress';
import { SliceTable } from './SliceTable';
import './evaluation.css';

const isRunning = (run: Run | undefined) => !!run && !run.report && !run.error;

/** Model packs against the current labels: run, compare two, read the plots, save the report. */
export function EvaluationScreen() {
  const { packs, runs, show } = useEvaluation();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const slots = (['a', 'b'] as const).filter((s): s is Slot => !!runs[s]);
  const running = slots.some((s) => isRunning(runs[s]));
  const done = slots.flatMap((slot) => {
    const run = runs[slot]!;
    return run.report ? [{ slot, report: run.report, name: packName(packs, run.packId) }] : [];
  });
  const comparing = done.length === 2;
  return (
    <div
      className="screen"
      data-testid="evaluation-screen"
      onKeyDown={(e) => {
        // Esc returns to the grid, unless a list or field is using it.
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) show(false);
      }}
    >
      <ScreenHeader place="Evaluation" onBack={() => show(false)} backTestId="eval-back" backRef={back} />
      <main className="screen-page" aria-label="Evaluation">
        <ErrorBoundary panel="evaluation settings">
          <RunForm running={running} />
        </ErrorBoundary>
        {slots.map((slot) => (
          <RunProgress key={slot} slot={slot} run={runs[slot]!} name={packName(packs, runs[slot]!.packId)} />
        ))}
        {done.length > 0 && (
          <ErrorBoundary panel="evaluation results">
            <div className="eval-results" data-testid="eval-results" data-comparing={comparing}>
              <HeadlineTable columns={done} />
              <div className={`eval-columns${comparing ? ' eval-columns--two' : ''}`}>
                {done.map((d) => (
                  <PackColumn key={`${d.slot}-${d.report.createdAt}`} {...d} />
                ))}
              </div>
              <div className="eval-slice-row">
                {done.map((d) => (
                  <SliceTable key={d.slot} {...d} />
                ))}
              </div>
            </div>
          </ErrorBoundary>
        )}
        {slots.length === 0 && (
          <p className="muted eval__note">
            Choose a pack and press Run: its predictions are scored against the labels as they are now,
            corrections included.
          </p>
        )}
      </main>
    </div>
  );
}
