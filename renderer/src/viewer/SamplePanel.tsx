import type { ReactNode } from 'react';
import type { SampleDetail } from '../../../electron/contract';
import { VerdictBadge } from '../browser/VerdictBadge';
import { StateDot } from '../browser/StateDot';
import { defectColor, reviewStateLabel } from '../lib/colors';
import { formatBytes } from '../lib/format';
import { useTaxonomy } from '../stores/taxonomyStore';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="meta__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const dash = (v: string | null) => v ?? '—';

export function SamplePanel({ detail }: { detail: SampleDetail }) {
  const colors = useTaxonomy((s) => s.colors);
  return (
    <section className="panel-section" aria-label="Image facts" data-testid="sample-panel">
      <h2 className="section-title">Image</h2>
      <dl className="meta">
        <Row label="Verdict">
          {detail.verdict ? <VerdictBadge verdict={detail.verdict} /> : <span className="muted">none</span>}
        </Row>
        <Row label="Review">
          <StateDot state={detail.reviewState} /> {reviewStateLabel[detail.reviewState]}
        </Row>
        <Row label="Defects">
          {detail.defectTypes.length === 0 && <span className="muted">none</span>}
          {detail.defectTypes.map((t) => (
            <span key={t} className="chip">
              <span className="chip-swatch" style={{ background: defectColor(colors, t) }} aria-hidden />
              {t}
            </span>
          ))}
        </Row>
        <Row label="Source">{detail.source}</Row>
        <Row label="Split">{dash(detail.split)}</Row>
        <Row label="Category">{[detail.domain, detail.category].filter(Boolean).join(' ▸ ') || '—'}</Row>
        <Row label="Part">{dash(detail.partId)}</Row>
        <Row label="Size">
          {detail.width}×{detail.height} · {detail.bitDepth}-bit · {detail.channels} ch ·{' '}
          {formatBytes(detail.fileSize)}
        </Row>
        <Row label="Path">
          <span className="meta__path" title={detail.path}>
            {detail.path}
          </span>
        </Row>
        {detail.error && (
          <Row label="Error">
            <span className="meta__error">{detail.error}</span>
          </Row>
        )}
      </dl>
    </section>
  );
}
