/** Shortcut hints say ⌘ on a Mac and Ctrl elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
