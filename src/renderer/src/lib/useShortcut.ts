import { useEffect, useRef, useSyncExternalStore } from 'react';
import { isTypingTarget, resolve, type Chord, type ShortcutSpec } from './shortcuts';

/**
 * The one keyboard listener for global and screen shortcuts. Screens and panels register theirs while they are
 * mounted; the help sheet (`?`) lists what is registered, grouped by scope.
 *
 * Keys that belong to one focused element stay with that element's own `onKeyDown`, because they act on it
 * and must not fire anywhere else: j/k/Enter/x on a focused row of the leads and contacts tables, the arrow
 * keys of a board card or a calendar chip being moved (dnd-kit's keyboard sensor), Enter to commit a rating
 * note or a channel-mix cell, the campaign form's Enter handling. A handled element key calls
 * `preventDefault`, which the list-entry shortcut (j/k stepping into a list) checks so it does not fire twice.
 * Escape in dialogs and panels is Radix's own.
 */

export interface Shortcut extends ShortcutSpec {
  /** Runs on a match; return `false` when there was nothing to do, so the key keeps its default action. */
  handler(event: KeyboardEvent): void | false;
  /** Registered but off (e.g. no list on screen); it is still listed in the help sheet. */
  when?: () => boolean;
}

interface Entry {
  order: number;
  current: Shortcut;
}

const entries = new Map<number, Entry>();
let order = 0;
let snapshot: ShortcutSpec[] = [];
const watchers = new Set<() => void>();
let prefix: { chord: Chord; at: number } | null = null;
/** While the help sheet is open, the keys it lists do nothing but the sheet's own. */
let helpOpen = false;

/** A sequence's second press must follow its first within this time (`g` then `t`). */
const SEQUENCE_MS = 1200;

function changed(): void {
  snapshot = [...entries.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ current: { id, keys, description, scope, inInputs, quietIn } }) => ({
      id,
      keys,
      description,
      scope,
      inInputs,
      quietIn,
    }));
  for (const watch of watchers) watch();
}

function onKeyDown(event: KeyboardEvent): void {
  const now = Date.now();
  const waiting = prefix && now - prefix.at < SEQUENCE_MS ? prefix.chord : null;
  const active = [...entries.values()]
    .sort((a, b) => a.order - b.order)
    .map((e) => e.current)
    .filter((s) => (!helpOpen || s.id === HELP_ID) && (s.when?.() ?? true));
  const where = {
    typing: isTypingTarget(event.target instanceof HTMLElement ? event.target : null),
    dialog: document.querySelector('[role="dialog"]') !== null,
    menu: document.querySelector('[role="menu"]') !== null,
  };
  const { run, prefix: next } = resolve(active, event, where, waiting);
  prefix = next ? { chord: next, at: now } : null;
  for (const shortcut of run) if (shortcut.handler(event) !== false) event.preventDefault();
}

export const HELP_ID = 'help';

export function setHelpOpen(open: boolean): void {
  helpOpen = open;
}

let listening = false;
function register(shortcut: Shortcut): { id: number; entry: Entry } {
  if (!listening) {
    window.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  const id = ++order;
  const entry = { order: id, current: shortcut };
  entries.set(id, entry);
  changed();
  return { id, entry };
}

/**
 * Registers shortcuts while the component is mounted. Handlers and `when` may change every render: the
 * latest are used. The list itself (ids, keys, descriptions) re-registers only when it changes.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  const signature = JSON.stringify(
    shortcuts.map(({ id, keys, description, scope, inInputs, quietIn }) => [
      id,
      keys,
      description,
      scope,
      inInputs,
      quietIn,
    ]),
  );
  useEffect(() => {
    const registered = latest.current.map((shortcut, index) =>
      register({
        ...shortcut,
        handler: (event) => latest.current[index]?.handler(event),
        when: () => latest.current[index]?.when?.() ?? true,
      }),
    );
    return () => {
      for (const { id } of registered) entries.delete(id);
      changed();
    };
  }, [signature]);
}

export function useShortcut(shortcut: Shortcut): void {
  useShortcuts([shortcut]);
}

/** The shortcuts registered now, in registration order: for the help sheet and hints. */
export function useRegisteredShortcuts(): ShortcutSpec[] {
  return useSyncExternalStore(
    (watch) => {
      watchers.add(watch);
      return () => watchers.delete(watch);
    },
    () => snapshot,
  );
}
