import { useLabels } from '../stores/labelStore';

const text = { idle: '', saving: 'saving…', saved: 'saved ✓', failed: 'not saved' } as const;

/** Honest: "saved ✓" only once the store acknowledged the last change. */
export function SaveStatus() {
  const save = useLabels((s) => s.save);
  const revision = useLabels((s) => s.state?.revision);
  if (save === 'idle') return null;
  return (
    <span
      className={`status__item status__save is-${save}`}
      data-testid="save-status"
      data-revision={revision ?? ''}
      title={save === 'saved' ? `revision ${revision}` : undefined}
    >
      {text[save]}
    </span>
  );
}
