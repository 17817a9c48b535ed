/**
 * Keyboard shortcuts as data: how a key string (`j`, `mod+k`, `shift+?`, `g t`) is read, when a key press
 * matches it, and which registered shortcuts a press runs. Pure, so the rules are unit-tested without a DOM;
 * `useShortcut.ts` owns the one window listener that feeds it.
 */

/** One key press of a shortcut: `mod` is Ctrl or ⌘ (either works, on every platform). */
export interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the focus and the open layers are when a key is pressed. */
export interface Surroundings {
  /** The focus is in a text field, a select or editable content. */
  typing: boolean;
  dialog: boolean;
  menu: boolean;
}

export type Layer = 'dialog' | 'menu';

export interface ShortcutSpec {
  id: string;
  /** Space-separated presses of chords: `j`, `mod+k`, `shift+?`, `g t`. */
  keys: string;
  description: string;
  /** The heading it is listed under in the help sheet: `Anywhere`, `Go to`, a screen or a panel. */
  scope: string;
  /** Mod-combos that must work in fields too (the palette's Ctrl+K). */
  inInputs?: boolean;
  /** Open layers that silence it; by default any dialog or menu. Panels' own keys list only `menu`. */
  quietIn?: readonly Layer[];
}

export function parseKeys(keys: string): Chord[] {
  const presses = keys.trim().split(/\s+/);
  return presses.map((press) => {
    const parts = press.split('+');
    // `mod++` is the plus key itself.
    const key = press.endsWith('++') ? '+' : (parts.pop() ?? '');
    const modifiers = new Set(parts.map((p) => p.toLowerCase()));
    if (key === '') throw new Error(`Shortcut "${keys}": a press has no key (expected e.g. "j" or "mod+k").`);
    for (const m of modifiers)
      if (!['mod', 'shift', 'alt', ''].includes(m))
        throw new Error(`Shortcut "${keys}": unknown modifier "${m}" (expected mod, shift or alt).`);
    return { key, mod: modifiers.has('mod'), shift: modifiers.has('shift'), alt: modifiers.has('alt') };
  });
}

const printable = (key: string) => key.length === 1;

/**
 * A printable key is compared as the character it types, so Shift is already in it (`?` is Shift+/, `J` is
 * Shift+j) and not checked again; named keys (`Escape`, `ArrowDown`) and mod-combos ignore case. Ctrl, ⌘ and Alt
 * must be exactly as written: `j` does not fire on Ctrl+J.
 */
export function chordMatches(chord: Chord, press: KeyPress): boolean {
  const mod = press.ctrlKey || press.metaKey;
  if (mod !== chord.mod || press.altKey !== chord.alt) return false;
  if (printable(chord.key) && !chord.mod) return press.key === chord.key;
  if (!printable(chord.key) && chord.shift !== press.shiftKey) return false;
  return press.key.toLowerCase() === chord.key.toLowerCase();
}

export function isAllowed(spec: ShortcutSpec, where: Surroundings): boolean {
  if (where.typing && !spec.inInputs) return false;
  const quietIn = spec.quietIn ?? ['dialog', 'menu'];
  return !quietIn.some((layer) => where[layer]);
}

export interface Resolution<S> {
  /** The shortcuts this press runs, in the order they were registered. */
  run: S[];
  /** The first press of a sequence (`g` of `g t`) now waiting for its second, or null. */
  prefix: Chord | null;
}

/**
 * Which shortcuts a press runs. After the first press of a sequence (`g`), a press that completes one runs it
 * and nothing else (so `g l` goes to a screen instead of creating a lead); any other press is read as usual.
 */
export function resolve<S extends ShortcutSpec>(
  shortcuts: readonly S[],
  press: KeyPress,
  where: Surroundings,
  prefix: Chord | null,
): Resolution<S> {
  const allowed = shortcuts.filter((s) => isAllowed(s, where));
  const parsed = allowed.map((s) => ({ s, chords: parseKeys(s.keys) }));
  if (prefix) {
    const completed = parsed.filter(
      ({ chords: [first, second, ...rest] }) =>
        first && second && rest.length === 0 && sameChord(first, prefix) && chordMatches(second, press),
    );
    if (completed.length > 0) return { run: completed.map(({ s }) => s), prefix: null };
  }
  const matched = parsed.filter(
    ({ chords }) => chords.length === 1 && chords[0] && chordMatches(chords[0], press),
  );
  // A mod-combo with a letter matches with or without Shift (Ctrl+Shift+K opens the palette too), unless a
  // shortcut says Shift exactly as pressed: then that one alone runs (Ctrl+Z undoes, Ctrl+Shift+Z redoes).
  const exact = matched.filter(({ chords: [first] }) => !first?.mod || first.shift === press.shiftKey);
  const run = exact.length > 0 ? exact : matched;
  const starts = parsed.find(
    ({ chords }) => chords.length === 2 && chords[0] && chordMatches(chords[0], press),
  );
  return { run: run.map(({ s }) => s), prefix: starts?.chords[0] ?? null };
}

const sameChord = (a: Chord, b: Chord) =>
  a.key === b.key && a.mod === b.mod && a.shift === b.shift && a.alt === b.alt;

/** How a shortcut is shown in hints and the help sheet: `Ctrl K` / `⌘K`, `g t`, `?`. */
export function formatKeys(keys: string, mac: boolean): string {
  return parseKeys(keys)
    .map((chord) => {
      const named: Record<string, string> = { escape: 'Esc', arrowdown: '↓', arrowup: '↑', enter: 'Enter' };
      const key = named[chord.key.toLowerCase()] ?? (chord.mod ? chord.key.toUpperCase() : chord.key);
      const shift = chord.shift && (!printable(chord.key) || chord.mod);
      if (mac) return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${shift ? '⇧' : ''}${key}`;
      return [chord.mod && 'Ctrl', chord.alt && 'Alt', shift && 'Shift', key].filter(Boolean).join(' ');
    })
    .join(' ');
}

/** The value for `aria-keyshortcuts`: `Control+K` / `Meta+K`, `G T`, `Shift+?`. */
export function ariaKeys(keys: string, mac: boolean): string {
  return parseKeys(keys)
    .map((chord) =>
      [
        chord.mod && (mac ? 'Meta' : 'Control'),
        chord.alt && 'Alt',
        (chord.shift || chord.key === '?') && 'Shift',
        chord.mod ? chord.key.toUpperCase() : chord.key,
      ]
        .filter(Boolean)
        .join('+'),
    )
    .join(' ');
}

/** True for a text field, a select or editable content: single-key shortcuts stay quiet there. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  return Boolean(target.isContentEditable) || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName ?? '');
}
