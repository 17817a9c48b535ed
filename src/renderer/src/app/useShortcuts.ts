import { useEffect } from 'react';
import { navigate } from '../lib/router';
import type { RouteDef } from './routes';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Two-key navigation (g then a letter), as in Linear; ignored while typing in a field. */
export function useShortcuts(routes: RouteDef[]): void {
  useEffect(() => {
    let awaitingG = false;
    let timer = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      if (awaitingG) {
        awaitingG = false;
        window.clearTimeout(timer);
        const route = routes.find((r) => r.key === event.key);
        if (route) {
          event.preventDefault();
          navigate(route.path);
        }
        return;
      }
      if (event.key === 'g') {
        awaitingG = true;
        timer = window.setTimeout(() => (awaitingG = false), 1200);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [routes]);
}
