import type { RefObject } from 'react';
import { ProjectCrumbs } from './ProjectCrumbs';

type Props = {
  place: string;
  onBack(): void;
  backTestId: string;
  /** For a screen that starts with focus on the way back. */
  backRef?: RefObject<HTMLButtonElement | null>;
};

/** The toolbar of a screen reached from the grid: back to the dataset, and where this is. */
export function ScreenHeader({ place, onBack, backTestId, backRef }: Props) {
  return (
    <header className="toolbar">
      <button
        ref={backRef}
        type="button"
        className="btn"
        onClick={onBack}
        title="Back to the dataset grid (Esc)"
        data-testid={backTestId}
      >
        ◂ Dataset
      </button>
      <ProjectCrumbs place={place} />
    </header>
  );
}
