import { useRef, useState, type KeyboardEvent } from 'react';

type Props = {
  level: number;
  title: string;
  /** The text the label has now. */
  value: string;
  /** The model's answer for this level, offered as a starting point (never for a blind audit). */
  suggestion: string | null;
  onSave(text: string): Promise<boolean>;
};

/** One task level's text: saved on blur or Ctrl+Enter, Esc drops the edit. */
export function TextField({ level, title, value, suggestion, onSave }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const skipBlur = useRef(false);
  const shown = draft ?? value;

  const save = async () => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    setStatus('saving');
    const ok = await onSave(draft);
    setStatus(ok ? 'saved' : 'failed');
    if (ok) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      skipBlur.current = true;
      setDraft(null);
      setStatus('idle');
      event.currentTarget.blur();
    }
  };
  const id = `text-l${level}`;
  return (
    <div className="text-field">
      <label className="text-field__label" htmlFor={id}>
        L{level} {title}
        <span className={`text-field__status is-${status}`} data-testid={`text-l${level}-status`}>
          {draft !== null && draft !== value
            ? 'editing · Ctrl+Enter saves'
            : status === 'saving'
              ? 'saving…'
              : status === 'saved'
                ? 'saved ✓'
                : status === 'failed'
                  ? 'not saved'
                  : ''}
        </span>
      </label>
      <textarea
        id={id}
        className="input text-field__input"
        rows={3}
        value={shown}
        placeholder={suggestion ? '' : `No ${title.toLowerCase()} yet`}
        onChange={(e) => {
          setDraft(e.target.value);
          setStatus('idle');
        }}
        onBlur={() => {
          if (skipBlur.current) skipBlur.current = false;
          else void save();
        }}
        onKeyDown={onKeyDown}
        data-testid={`text-l${level}`}
      />
      {suggestion && suggestion !== shown && (
        <div className="text-field__model">
          <span className="muted">Model:</span> {suggestion}{' '}
          <button type="button" className="link" onClick={() => setDraft(suggestion)}>
            use
          </button>
        </div>
      )}
    </div>
  );
}
