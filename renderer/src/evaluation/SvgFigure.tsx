import { useLayoutEffect, useRef } from 'react';

/** An element of the chart to move, by id, and the attributes that place it. */
export type Marker = { id: string; attrs: Record<string, number> };

/**
 * A chart drawn by the shared SVG builders (the same ones the HTML report uses). The markup is
 * built from numbers and escaped names only. A marker, when given, is moved in place so dragging
 * the threshold slider does not rebuild the chart.
 */
export function SvgFigure({
  caption,
  svg,
  testId,
  marker,
  wide = false,
}: {
  caption: string;
  svg: string;
  testId: string;
  marker?: Marker;
  /** Spans two columns of the chart grid. */
  wide?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!marker) return;
    const element = box.current?.querySelector(`[id="${marker.id}"]`);
    for (const [name, value] of Object.entries(marker.attrs)) element?.setAttribute(name, String(value));
  }, [svg, marker]);
  return (
    <figure className={`eval-figure${wide ? ' eval-figure--wide' : ''}`} data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div className="eval-chart" ref={box} dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}
