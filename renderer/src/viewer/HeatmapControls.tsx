import { withKey } from '../keys/hint';
import { useOverlay } from '../stores/overlayStore';

/** H, opacity and threshold, shown when the image's prediction has a heatmap (never for a blind audit). */
export function HeatmapControls() {
  const { heatmap, available, opacity, threshold, toggleHeatmap, setOpacity, setThreshold } = useOverlay();
  if (!available) return null;
  return (
    <div className="heat" data-testid="heatmap-controls">
      <button
        type="button"
        className={`btn${heatmap ? ' is-on' : ''}`}
        aria-pressed={heatmap}
        onClick={toggleHeatmap}
        title={withKey('Show or hide the heatmap', 'heatmap')}
        data-testid="toggle-heatmap"
      >
        Heatmap
      </button>
      <label className="heat__slider" title="Heatmap opacity">
        <span>opacity</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={opacity}
          onChange={(e) => setOpacity(Number(e.target.value))}
          disabled={!heatmap}
          data-testid="heatmap-opacity"
        />
      </label>
      <label className="heat__slider" title="Threshold: hide heatmap values below it">
        <span>thr.</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={threshold}
          onChange={(e) => setThreshold(Number(e.target.value))}
          disabled={!heatmap}
          data-testid="heatmap-threshold"
        />
        <span className="heat__value">{threshold.toFixed(2)}</span>
      </label>
    </div>
  );
}
