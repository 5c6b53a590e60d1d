import { useEffect } from 'react';
import { useToasts, type Toast, type ToastArea } from '../stores/toastStore';
import { Details } from './Details';

const INFO_MS = 5000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    // Errors stay until read; notes leave on their own.
    if (toast.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(toast.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast__head">
        <span className="toast__title">{toast.title}</span>
        <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
          ×
        </button>
      </div>
      {toast.message && <div className="toast__message">{toast.message}</div>}
      <Details lines={toast.details} />
    </div>
  );
}

/**
 * Placed inside the panel it reports on, so a failure shows up next to what failed. `inline`
 * puts it in the flow (in a dialog, where floating it would cover the dialog's own buttons).
 */
export function ToastHost({ area, inline = false }: { area: ToastArea; inline?: boolean }) {
  const toasts = useToasts((s) => s.toasts);
  const mine = toasts.filter((t) => t.area === area);
  if (!mine.length) return null;
  return (
    <div className={`toast-host${inline ? ' toast-host--inline' : ''}`} data-testid={`toasts-${area}`}>
      {mine.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
