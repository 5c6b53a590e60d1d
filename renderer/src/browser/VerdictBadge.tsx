import type { Verdict } from '../../../electron/contract';

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return null;
  return (
    <span className={`verdict verdict--${verdict}`} data-testid="verdict">
      {verdict === 'unsure' ? '?' : verdict}
    </span>
  );
}
