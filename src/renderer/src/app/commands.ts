/**
 * Commands for the palette (Ctrl/Cmd+K) and the "+ New" menu. Features contribute their own lists in
 * `app/registry.ts`; the palette also searches records through the core.
 */
export interface Command {
  id: string;
  label: string;
  group: 'Go to' | 'Create' | 'Actions';
  /** Keys in the shortcut registry's notation (`g t`, `n`), shown as a hint. */
  shortcut?: string;
  keywords?: string[];
  run(): void;
}

type Listener = (command: string) => void;
const createListeners = new Set<Listener>();

/**
 * "+ New" entries open their forms wherever the user is: the feature that owns the form listens for its
 * id (e.g. `new-contact`) and opens its panel.
 */
export function requestCreate(id: string): void {
  for (const listener of createListeners) listener(id);
}

export function onCreateRequest(listener: Listener): () => void {
  createListeners.add(listener);
  return () => createListeners.delete(listener);
}
