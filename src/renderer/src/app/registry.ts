import { navigate } from '../lib/router';
import { requestCreate, type Command } from './commands';
import { KEYS } from './globalShortcuts';
import { routes } from './routes';

/** Items of the "+ New" menu: id (heard by the feature that owns the form), label and shortcut (registry keys). */
export const newItems: { id: string; label: string; shortcut?: string; path: string }[] = [
  { id: 'new-lead', label: 'Lead', shortcut: KEYS.newLead, path: 'pipeline/new' },
  { id: 'new-contact', label: 'Contact', shortcut: KEYS.newContact, path: 'contacts' },
  { id: 'new-activity', label: 'Activity', shortcut: KEYS.newActivity, path: 'today/log' },
  { id: 'new-plan', label: 'Plan', path: 'plans' },
  { id: 'new-campaign', label: 'Campaign', path: 'campaigns' },
  { id: 'new-content', label: 'Content item', path: 'calendar' },
  { id: 'new-spend', label: 'Spend', path: 'campaigns' },
];

export function paletteCommands(): Command[] {
  const goTo: Command[] = routes.map((r) => ({
    id: `go-${r.path}`,
    label: r.label,
    group: 'Go to',
    shortcut: KEYS.goTo(r),
    run: () => navigate(r.path),
  }));
  const create: Command[] = newItems.map((item) => ({
    id: item.id,
    label: `New ${item.label.toLowerCase()}`,
    group: 'Create',
    shortcut: item.shortcut,
    run: () => {
      navigate(item.path);
      // Let the page mount before it hears the request.
      window.setTimeout(() => requestCreate(item.id), 0);
    },
  }));
  return [...goTo, ...create];
}
