import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

interface Toaster {
  show(message: string, options?: { action?: ToastAction; tone?: 'info' | 'error' }): void;
}

const ToastContext = createContext<Toaster>({ show: () => undefined });

let globalShow: Toaster['show'] = () => undefined;

/** For code outside React components (the link guard): shows a toast through the mounted provider. */
export function notify(message: string, tone: 'info' | 'error' = 'info'): void {
  globalShow(message, { tone });
}

/** Toasts announce results and carry the undo of destructive actions. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<Toaster['show']>(
    (message, options) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [
        ...all.slice(-2),
        { id, message, tone: options?.tone ?? 'info', action: options?.action },
      ]);
      window.setTimeout(() => dismiss(id), options?.action ? 8000 : 4000);
    },
    [dismiss],
  );
  useEffect(() => {
    globalShow = show;
  }, [show]);
  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span>{t.message}</span>
            {t.action && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  dismiss(t.id);
                  void t.action?.run();
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
