import { useViewer } from '../stores/viewerStore';

const MAX = 65535;

/** Only for 16-bit images: the window the 8-bit display is cut from (right-drag on the image too). */
export function WindowLevelControls() {
  const wl = useViewer((s) => s.windowLevel);
  const setWindowLevel = useViewer((s) => s.setWindowLevel);
  if (!wl) return null;
  return (
    <section className="panel-section" aria-label="Window and level" data-testid="window-level">
      <h2 className="section-title">Window / level</h2>
      <label className="slider">
        <span>Level</span>
        <input
          type="range"
          min={0}
          max={MAX}
          value={Math.round(wl.center)}
          onChange={(e) => setWindowLevel({ ...wl, center: Number(e.target.value) })}
        />
        <span className="slider__value">{Math.round(wl.center)}</span>
      </label>
      <label className="slider">
        <span>Window</span>
        <input
          type="range"
          min={1}
          max={MAX}
          value={Math.round(wl.width)}
          onChange={(e) => setWindowLevel({ ...wl, width: Number(e.target.value) })}
        />
        <span className="slider__value">{Math.round(wl.width)}</span>
      </label>
      <p className="muted">Right-drag on the image: sideways for window, up and down for level.</p>
    </section>
  );
}
