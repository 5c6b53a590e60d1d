import { useState } from 'react';

/** A "details" toggle: the short message stays readable, the technical lines are one click away. */
export function Details({ lines }: { lines: string[] }) {
  const [open, setOpen] = useState(false);
  const shown = lines.filter((line) => line.trim() !== '');
  if (!shown.length) return null;
  return (
    <div className="details">
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'hide details' : 'details'}
      </button>
      {open && <pre className="details__text">{shown.join('\n')}</pre>}
    </div>
  );
}
