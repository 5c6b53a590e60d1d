import { keyCap } from '../keys/hint';
import { useTool } from '../stores/toolStore';

/**
 * While "missed" is armed the image says so where the person is about to draw, for as long as
 * it holds: a toast would outlive Esc, and a toolbar tag pushes the toolbar's last buttons out
 * of a 1280 px window.
 */
export function MissedBanner() {
  const missed = useTool((s) => s.missed);
  if (!missed) return null;
  const keys: [string, string][] = [
    [keyCap('toolBox'), 'box'],
    [keyCap('toolPolygon'), 'polygon'],
    [keyCap('toolBrush'), 'brush'],
    ['Esc', 'cancels'],
  ];
  return (
    <div className="missed-banner" role="status" data-testid="missed-armed">
      <strong>Draw the defect the model missed</strong>
      {keys
        .filter(([key]) => key)
        .map(([key, what]) => (
          <span key={what} className="missed-banner__key">
            <kbd>{key}</kbd> {what}
          </span>
        ))}
    </div>
  );
}
