import { useShortcuts } from '../../lib/useShortcut';

/**
 * j / k from nowhere in particular step into a list: the first (j) or last (k) of the elements matching
 * `selector` takes the focus. Inside the list its rows handle j / k themselves (and mark the key handled).
 */
export function useListEntry(selector: string, scope: string): void {
  const enter = (which: 'first' | 'last') => (event: KeyboardEvent) => {
    if (event.defaultPrevented) return false;
    const items = [...document.querySelectorAll<HTMLElement>(selector)];
    if (items.length === 0 || items.some((item) => item === document.activeElement)) return false;
    (which === 'first' ? items[0] : items.at(-1))?.focus();
  };
  useShortcuts([
    {
      id: 'list-first',
      keys: 'j',
      description: 'Next row (from outside the list: the first)',
      scope,
      handler: enter('first'),
    },
    {
      id: 'list-last',
      keys: 'k',
      description: 'Previous row (from outside the list: the last)',
      scope,
      handler: enter('last'),
    },
  ]);
}
