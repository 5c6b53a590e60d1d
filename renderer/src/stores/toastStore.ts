import { create } from 'zustand';

/** Where a toast is shown: next to the panel whose action failed, not in a far corner. */
export type ToastArea = 'app' | 'picker' | 'browser' | 'filters' | 'viewer' | 'import' | 'export' | 'jobs';

export type Toast = {
  id: number;
  area: ToastArea;
  tone: 'error' | 'info';
  title: string;
  message: string;
  details: string[];
};

type ToastStore = {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
  /** A new attempt at what failed there: the old failures no longer describe it. */
  clearArea(area: ToastArea): void;
};

const MAX_PER_AREA = 4;
let nextId = 1;

export const useToasts = create<ToastStore>((set) => ({
  toasts: [],
  push(toast) {
    set((s) => {
      // The same failure repeating (e.g. a retry loop) shows once, not as a stack.
      const rest = s.toasts.filter((t) => !(t.area === toast.area && t.message === toast.message));
      const inArea = rest.filter((t) => t.area === toast.area);
      const dropped = inArea.length >= MAX_PER_AREA ? inArea[0]?.id : undefined;
      return { toasts: [...rest.filter((t) => t.id !== dropped), { ...toast, id: nextId++ }] };
    });
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  clearArea(area) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.area !== area) }));
  },
}));

export function showError(area: ToastArea, title: string, message: string, details: string[] = []): void {
  useToasts.getState().push({ area, tone: 'error', title, message, details });
}

export function showInfo(area: ToastArea, title: string, message = ''): void {
  useToasts.getState().push({ area, tone: 'info', title, message, details: [] });
}
