import { useEffect, useRef } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ScreenHeader } from '../components/ScreenHeader';
import { ExportForm } from './ExportForm';
import { ExportResult } from './ExportResult';
import { useExport } from './exportStore';
import './export.css';

/** The project's current labels, written in a format another tool (or MAU-GPT's recipe) reads. */
export function ExportScreen() {
  const show = useExport((s) => s.show);
  const main = useRef<HTMLElement>(null);
  // Focus starts on the chosen format, so arrows pick another and Tab walks on to Export.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  return (
    <div
      className="screen"
      data-testid="export-screen"
      onKeyDown={(e) => {
        // Esc returns to the grid, unless a list is using it.
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) show(false);
      }}
    >
      <ScreenHeader place="Export" onBack={() => show(false)} backTestId="export-back" />
      <main ref={main} className="screen-page" aria-label="Export">
        <p className="muted export__note">
          Writes the labels as they are now: corrected where a person corrected them, as imported elsewhere.
          Nothing in the project changes.
        </p>
        <ErrorBoundary panel="export settings">
          <ExportForm />
        </ErrorBoundary>
        <ErrorBoundary panel="export report">
          <ExportResult />
        </ErrorBoundary>
      </main>
    </div>
  );
}
