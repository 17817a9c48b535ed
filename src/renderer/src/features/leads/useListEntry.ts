import { useEffect } from 'react';
import { isTyping, plainKey } from './keyboard';

/**
 * j / k from nowhere in particular step into a list: the first (j) or last (k) of the elements matching
 * `selector` takes the focus. Inside the list its rows handle j / k themselves.
 */
export function useListEntry(selector: string): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'j' && e.key !== 'k') || !plainKey(e) || isTyping(e.target) || e.defaultPrevented)
        return;
      if (document.querySelector('[role="dialog"], [role="menu"]')) return;
      const items = [...document.querySelectorAll<HTMLElement>(selector)];
      if (items.length === 0 || items.some((item) => item === document.activeElement)) return;
      e.preventDefault();
      (e.key === 'j' ? items[0] : items.at(-1))?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selector]);
}
