import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useKeys } from '../keys/useKeys';

type Props = {
  title: string;
  onClose(): void;
  children: ReactNode;
  size?: 'normal' | 'wide' | 'sheet';
  testId?: string;
};

const FOCUSABLE = 'button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** A modal: focus moves in, Tab stays in, Esc closes, and focus returns to where it was. */
export function Dialog({ title, onClose, children, size = 'normal', testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useKeys('dialog', { close: onClose });

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>(`.dialog__body :is(${FOCUSABLE})`);
    first?.focus();
    return () => before?.focus();
  }, []);

  const trap = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`dialog dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={trap}
      >
        <div className="dialog__head">
          <h2 className="dialog__title">{title}</h2>
          <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
