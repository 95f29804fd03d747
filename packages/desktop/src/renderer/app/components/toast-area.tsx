import { useState } from 'preact/hooks';
import type { Toast } from '../shell/context.js';

/** How long a toast stays (an Undo stays usable this long). */
export const TOAST_MS = 10_000;

interface Shown extends Toast {
  readonly key: number;
}

/** The toasts at the bottom of the window; `push` adds one. */
export function useToasts(): { toasts: readonly Shown[]; push: (toast: Toast) => void; dismiss: (key: number) => void } {
  const [toasts, setToasts] = useState<readonly Shown[]>([]);
  const dismiss = (key: number): void => setToasts((list) => list.filter((toast) => toast.key !== key));
  const push = (toast: Toast): void => {
    const key = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-3), { ...toast, key }]);
    window.setTimeout(() => dismiss(key), TOAST_MS);
  };
  return { toasts, push, dismiss };
}

export function ToastArea({ toasts, dismiss }: { toasts: readonly Shown[]; dismiss: (key: number) => void }) {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.key} class={`toast ${toast.tone ?? 'info'}`}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              class="button ghost"
              onClick={() => {
                dismiss(toast.key);
                void toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" class="button ghost" aria-label="Dismiss" onClick={() => dismiss(toast.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
