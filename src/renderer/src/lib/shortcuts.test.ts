import { describe, expect, it } from 'vitest';
import {
  ariaKeys,
  chordMatches,
  formatKeys,
  isAllowed,
  isTypingTarget,
  parseKeys,
  resolve,
  type KeyPress,
  type ShortcutSpec,
  type Surroundings,
} from './shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const calm: Surroundings = { typing: false, dialog: false, menu: false };
const spec = (id: string, keys: string, extra: Partial<ShortcutSpec> = {}): ShortcutSpec => ({
  id,
  keys,
  description: id,
  scope: 'Test',
  ...extra,
});
const chord = (keys: string) => {
  const [first] = parseKeys(keys);
  if (!first) throw new Error('no chord');
  return first;
};
const ids = (list: readonly ShortcutSpec[]) => list.map((s) => s.id);

describe('reading keys', () => {
  it('reads chords and sequences', () => {
    expect(parseKeys('mod+k')).toEqual([{ key: 'k', mod: true, shift: false, alt: false }]);
    expect(parseKeys('g t')).toHaveLength(2);
    expect(parseKeys('shift+?')).toEqual([{ key: '?', mod: false, shift: true, alt: false }]);
    expect(parseKeys('mod++')).toEqual([{ key: '+', mod: true, shift: false, alt: false }]);
  });

  it('rejects an unknown modifier with the shortcut named', () => {
    expect(() => parseKeys('cmd+k')).toThrow(/"cmd\+k".*unknown modifier "cmd"/);
  });
});

describe('matching a press', () => {
  it('a letter matches only itself, without Ctrl, ⌘ or Alt', () => {
    expect(chordMatches(chord('j'), press('j'))).toBe(true);
    expect(chordMatches(chord('j'), press('J', { shiftKey: true }))).toBe(false);
    expect(chordMatches(chord('j'), press('j', { ctrlKey: true }))).toBe(false);
    expect(chordMatches(chord('j'), press('j', { metaKey: true }))).toBe(false);
    expect(chordMatches(chord('j'), press('j', { altKey: true }))).toBe(false);
  });

  it('mod is Ctrl or ⌘, whatever the case of the letter', () => {
    expect(chordMatches(chord('mod+k'), press('k', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(chord('mod+k'), press('k', { metaKey: true }))).toBe(true);
    expect(chordMatches(chord('mod+k'), press('K', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(chordMatches(chord('mod+k'), press('k'))).toBe(false);
  });

  it('a character typed with Shift matches with or without shift+ written', () => {
    expect(chordMatches(chord('shift+?'), press('?', { shiftKey: true }))).toBe(true);
    expect(chordMatches(chord('?'), press('?', { shiftKey: true }))).toBe(true);
    expect(chordMatches(chord('shift+?'), press('/'))).toBe(false);
  });

  it('named keys ignore case and check Shift', () => {
    expect(chordMatches(chord('escape'), press('Escape'))).toBe(true);
    expect(chordMatches(chord('shift+enter'), press('Enter'))).toBe(false);
    expect(chordMatches(chord('shift+enter'), press('Enter', { shiftKey: true }))).toBe(true);
  });
});

describe('where a shortcut may fire', () => {
  it('single keys are quiet in fields; mod-combos marked for fields are not', () => {
    expect(isAllowed(spec('n', 'n'), { ...calm, typing: true })).toBe(false);
    expect(isAllowed(spec('palette', 'mod+k', { inInputs: true }), { ...calm, typing: true })).toBe(true);
  });

  it('by default a dialog or a menu silences a shortcut; a panel key lists only menu', () => {
    expect(isAllowed(spec('l', 'l'), { ...calm, dialog: true })).toBe(false);
    expect(isAllowed(spec('l', 'l'), { ...calm, menu: true })).toBe(false);
    const panel = spec('next', 'j', { quietIn: ['menu'] });
    expect(isAllowed(panel, { ...calm, dialog: true })).toBe(true);
    expect(isAllowed(panel, { ...calm, dialog: true, menu: true })).toBe(false);
    expect(isAllowed(spec('go', 'g t', { quietIn: [] }), { ...calm, dialog: true, menu: true })).toBe(true);
  });

  it('knows a field when it sees one', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('resolving a press against the registry', () => {
  const registry = [
    spec('new-lead', 'l'),
    spec('go-leads', 'g l', { quietIn: [] }),
    spec('go-today', 'g t', { quietIn: [] }),
    spec('list', 'j'),
    spec('panel-next', 'j', { quietIn: ['menu'] }),
    spec('palette', 'mod+k', { inInputs: true, quietIn: [] }),
  ];

  it('runs every allowed shortcut on the key, in registration order', () => {
    expect(ids(resolve(registry, press('j'), calm, null).run)).toEqual(['list', 'panel-next']);
    expect(ids(resolve(registry, press('j'), { ...calm, dialog: true }, null).run)).toEqual(['panel-next']);
  });

  it('g waits for its second key, which then runs the sequence and not the single key', () => {
    const first = resolve(registry, press('g'), calm, null);
    expect(first.run).toEqual([]);
    expect(first.prefix).toEqual(chord('g'));
    const second = resolve(registry, press('l'), calm, first.prefix);
    expect(ids(second.run)).toEqual(['go-leads']);
    expect(second.prefix).toBeNull();
  });

  it('a key that completes no sequence after g is read as usual', () => {
    expect(ids(resolve(registry, press('j'), calm, chord('g')).run)).toEqual(['list', 'panel-next']);
  });

  it('without g, a sequence’s second key alone does not navigate', () => {
    expect(ids(resolve(registry, press('t'), calm, null).run)).toEqual([]);
  });

  it('g typed in a field starts nothing; Ctrl+K still works there', () => {
    const typing = { ...calm, typing: true };
    expect(resolve(registry, press('g'), typing, null).prefix).toBeNull();
    expect(ids(resolve(registry, press('k', { ctrlKey: true }), typing, null).run)).toEqual(['palette']);
  });
});

describe('showing keys', () => {
  it('formats for hints the way the app always has', () => {
    expect(formatKeys('mod+k', false)).toBe('Ctrl K');
    expect(formatKeys('mod+k', true)).toBe('⌘K');
    expect(formatKeys('g t', false)).toBe('g t');
    expect(formatKeys('shift+?', false)).toBe('?');
    expect(formatKeys('n', true)).toBe('n');
  });

  it('writes aria-keyshortcuts values', () => {
    expect(ariaKeys('mod+k', false)).toBe('Control+K');
    expect(ariaKeys('mod+k', true)).toBe('Meta+K');
    expect(ariaKeys('shift+?', false)).toBe('Shift+?');
  });
});

describe('undo and redo keys', () => {
  const keys = [spec('undo', 'mod+z'), spec('redo', 'mod+shift+z'), spec('redo-y', 'mod+y')];
  const ids = (p: KeyPress) => resolve(keys, p, calm, null).run.map((s) => s.id);
  it('Ctrl/⌘+Z undoes, with Shift it redoes, and Ctrl+Y redoes', () => {
    expect(ids(press('z', { ctrlKey: true }))).toEqual(['undo']);
    expect(ids(press('z', { metaKey: true }))).toEqual(['undo']);
    expect(ids(press('Z', { ctrlKey: true, shiftKey: true }))).toEqual(['redo']);
    expect(ids(press('z', { metaKey: true, shiftKey: true }))).toEqual(['redo']);
    expect(ids(press('y', { ctrlKey: true }))).toEqual(['redo-y']);
  });
  it('stay quiet while typing in a field', () => {
    expect(resolve(keys, press('z', { ctrlKey: true }), { ...calm, typing: true }, null).run).toEqual([]);
  });
  it('show Shift in the help sheet', () => {
    expect(formatKeys('mod+shift+z', false)).toBe('Ctrl Shift Z');
    expect(formatKeys('mod+shift+z', true)).toBe('⌘⇧Z');
  });
});
