import type { ThresholdRates } from './thresholdRates';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * The threshold slider: each stop is one distinct image score (an exact operating point from the
 * report), so moving it shows overkill against escape as the line would see them.
 */
export function ThresholdPanel({
  slot,
  name,
  stops,
  stop,
  rates,
  packThreshold,
  onStop,
}: {
  slot: string;
  name: string;
  stops: number;
  stop: number;
  rates: ThresholdRates | null;
  /** The run's own threshold while the slider is on the stop that decides like it; else null. */
  packThreshold: number | null;
  onStop(stop: number): void;
}) {
  if (!rates || stops === 0)
    return <p className="muted">No threshold trade-off: it needs both OK and NG images with a score.</p>;
  const threshold = rates.threshold === null ? 'above every score' : rates.threshold.toFixed(4);
  return (
    <div className="eval-threshold" data-testid={`eval-threshold-${slot}`}>
      <label className="eval-threshold__label" htmlFor={`eval-slider-${slot}`}>
        Threshold <span data-testid={`eval-thr-value-${slot}`}>{threshold}</span>
        {/* The stops are scores: the run's threshold sits between two of them and decides the same. */}
        {packThreshold !== null && packThreshold !== rates.threshold && (
          <span className="muted" data-testid={`eval-thr-run-${slot}`}>
            {' '}
            · the same decisions as the run&apos;s {packThreshold}
          </span>
        )}
      </label>
      <input
        id={`eval-slider-${slot}`}
        type="range"
        min={0}
        max={stops - 1}
        step={1}
        value={stop}
        onChange={(e) => onStop(Number(e.target.value))}
        aria-valuetext={`threshold ${threshold}: overkill ${pct(rates.overkillRate)}, escape ${pct(rates.escapeRate)}`}
        aria-label={`Decision threshold for ${name}`}
        data-testid={`eval-slider-${slot}`}
      />
      <dl className="eval-threshold__rates" aria-live="polite">
        <div>
          <dt>Overkill</dt>
          <dd data-testid={`eval-overkill-${slot}`}>{pct(rates.overkillRate)}</dd>
          <dd className="muted">
            {rates.fp} of {rates.fp + rates.tn} OK judged NG
          </dd>
        </div>
        <div>
          <dt>Escape</dt>
          <dd data-testid={`eval-escape-${slot}`}>{pct(rates.escapeRate)}</dd>
          <dd className="muted">
            {rates.fn} of {rates.fn + rates.tp} NG judged OK
          </dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd data-testid={`eval-accuracy-${slot}`}>{pct(rates.accuracy)}</dd>
          <dd className="muted">{rates.tp + rates.tn} right</dd>
        </div>
      </dl>
    </div>
  );
}
