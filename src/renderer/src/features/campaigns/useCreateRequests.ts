import { useEffect, useRef } from 'react';
import { onCreateRequest } from '../../app/commands';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Opens this page's forms for "+ New" / palette requests (by id), and for the `n` key when `onN` is given
 * (ignored while typing or while a dialog is open).
 */
export function useCreateRequests(handlers: Record<string, () => void>, onN?: () => void): void {
  const latest = useRef({ handlers, onN });
  useEffect(() => {
    latest.current = { handlers, onN };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.metaKey || e.ctrlKey || e.altKey || typing(e.target)) return;
      if (!latest.current.onN || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      latest.current.onN();
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = onCreateRequest((id) => latest.current.handlers[id]?.());
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
}
