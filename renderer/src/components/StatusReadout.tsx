import { useEffect, useRef } from 'react';
import { subscribeReadout } from '../lib/readout';

/** Zoom and cursor text written straight into the DOM by the readout channel (no re-render). */
export function StatusReadout() {
  const zoom = useRef<HTMLSpanElement>(null);
  const cursor = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      subscribeReadout(({ camera, cursor: text }) => {
        if (zoom.current) zoom.current.textContent = camera ? `zoom ${Math.round(camera.scale * 100)} %` : '';
        if (cursor.current) cursor.current.textContent = text ?? '';
      }),
    [],
  );
  return (
    <>
      <span ref={zoom} className="status__item status__num" data-testid="status-zoom" />
      <span ref={cursor} className="status__item status__num status__cursor" data-testid="status-cursor" />
    </>
  );
}
