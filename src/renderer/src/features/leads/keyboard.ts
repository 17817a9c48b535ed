import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** When a single key is a shortcut of the sales screens, and when it is just typing. */

/** True while the user types in a field: single-key shortcuts stay quiet then. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export const dialogOpen = (): boolean => document.querySelector('[role="dialog"], [role="menu"]') !== null;

let previous = { key: '', at: 0 };
let current = { key: '', at: 0 };
window.addEventListener(
  'keydown',
  (event) => {
    previous = current;
    current = { key: event.key, at: Date.now() };
  },
  true,
);

/** "g then a letter" belongs to navigation: a letter right after g is not a shortcut of its own. */
export const followsG = (): boolean => previous.key === 'g' && current.at - previous.at < 1200;

export const plainKey = (event: KeyboardEvent | ReactKeyboardEvent): boolean =>
  !event.metaKey && !event.ctrlKey && !event.altKey;
