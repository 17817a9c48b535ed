import { useEffect } from 'react';
import { navigate } from '../../lib/router';
import { dialogOpen, followsG, isTyping, plainKey } from './keyboard';

/**
 * Single keys that work on every screen: l for a new lead, a to log an activity (shown in the "+ New" menu, the
 * palette and the buttons' tooltips). Quiet while typing, while a dialog or menu is open, and right after g.
 */
export function SalesShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!plainKey(e) || e.shiftKey || isTyping(e.target) || dialogOpen() || followsG()) return;
      const path = { l: 'pipeline/new', a: 'today/log' }[e.key];
      if (!path) return;
      e.preventDefault();
      navigate(path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
