import type { ReactNode } from 'react';
import { formatCount } from '../lib/format';
import { useBrowser, type FacetKey } from '../stores/browserStore';

type Item = { value: string; count: number; color?: string };

type Props = {
  title: string;
  facet: FacetKey;
  items: Item[];
  label?(value: string): string;
  /** A legend mark before the label (the state dot of a review state). */
  marker?(value: string): ReactNode;
};

/** One facet: tick values to narrow the grid; counts follow the rest of the filter. */
// A stable empty list: a fresh [] from the selector would read as a change on every render.
const NONE: string[] = [];

export function FacetGroup({ title, facet, items, label = (v) => v, marker }: Props) {
  const selected = useBrowser((s) => (s.filter[facet] as string[] | undefined) ?? NONE);
  const toggle = useBrowser((s) => s.toggle);
  // A ticked value stays listed even when the rest of the filter leaves it no images.
  const shown = [...items];
  for (const value of selected) if (!shown.some((i) => i.value === value)) shown.push({ value, count: 0 });
  if (!shown.length) return null;
  return (
    <div className="facet" role="group" aria-labelledby={`facet-${facet}`}>
      <div className="facet__title" id={`facet-${facet}`}>
        {title}
      </div>
      {shown.map((item) => (
        <label key={item.value} className={`facet__row${item.count === 0 ? ' is-empty' : ''}`}>
          <input
            type="checkbox"
            checked={selected.includes(item.value)}
            onChange={() => toggle(facet, item.value)}
            data-testid={`facet-${facet}-${item.value}`}
          />
          {item.color && <span className="chip-swatch" style={{ background: item.color }} aria-hidden />}
          {marker?.(item.value)}
          <span className="facet__label">{label(item.value)}</span>
          <span className="facet__count">{formatCount(item.count)}</span>
        </label>
      ))}
    </div>
  );
}
