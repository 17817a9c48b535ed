import { navigate } from '../lib/router';
import { HELP_ID, useShortcuts, type Shortcut } from '../lib/useShortcut';
import type { RouteDef } from './routes';

/** Keys of the app-wide shortcuts, shared by the registrations below and the hints that show them. */
export const KEYS = {
  palette: 'mod+k',
  help: 'shift+?',
  undo: 'mod+z',
  redo: 'mod+shift+z',
  /** Redo as Windows apps also have it. */
  redoY: 'mod+y',
  newLead: 'l',
  newActivity: 'a',
  /** Only on Leads & contacts (the screen owns the form). */
  newContact: 'n',
  /** Two-key navigation, as in Linear: g then the screen's letter. */
  goTo: (route: RouteDef) => `g ${route.key}`,
} as const;

/**
 * Shortcuts that work on every screen: the palette (also from inside fields and dialogs, where it toggles),
 * the help sheet, g-navigation (also over a panel) and the single keys that start a lead or an activity
 * (quiet while a dialog or menu is open).
 */
export function useGlobalShortcuts(
  routes: readonly RouteDef[],
  actions: { togglePalette(): void; toggleHelp(): void; undo(): void; redo(): void },
  /** False during onboarding: there is no lead or activity to create yet. */
  ready: boolean,
): void {
  const shortcuts: Shortcut[] = [
    {
      id: 'palette',
      keys: KEYS.palette,
      description: 'Search or run a command',
      scope: 'Anywhere',
      inInputs: true,
      quietIn: [],
      handler: actions.togglePalette,
    },
    {
      id: HELP_ID,
      keys: KEYS.help,
      description: 'Show keyboard shortcuts',
      scope: 'Anywhere',
      quietIn: ['menu'],
      handler: actions.toggleHelp,
    },
    // Not in fields (their own undo edits the text) nor over a dialog or menu; the latest action first.
    {
      id: 'undo',
      keys: KEYS.undo,
      description: 'Undo the last action',
      scope: 'Anywhere',
      when: () => ready,
      handler: actions.undo,
    },
    {
      id: 'redo',
      keys: KEYS.redo,
      description: 'Redo',
      scope: 'Anywhere',
      when: () => ready,
      handler: actions.redo,
    },
    {
      id: 'redo-y',
      keys: KEYS.redoY,
      description: 'Redo',
      scope: 'Anywhere',
      when: () => ready,
      handler: actions.redo,
    },
    {
      id: 'new-lead',
      keys: KEYS.newLead,
      description: 'New lead',
      scope: 'Anywhere',
      when: () => ready,
      handler: () => navigate('pipeline/new'),
    },
    {
      id: 'new-activity',
      keys: KEYS.newActivity,
      description: 'Log an activity',
      scope: 'Anywhere',
      when: () => ready,
      handler: () => navigate('today/log'),
    },
    ...routes.map((route): Shortcut => ({
      id: `go-${route.path}`,
      keys: KEYS.goTo(route),
      description: route.label,
      scope: 'Go to',
      quietIn: [],
      handler: () => navigate(route.path),
    })),
  ];
  useShortcuts(shortcuts);
}
