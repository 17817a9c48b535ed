import { Dialog } from 'radix-ui';
import { useEffect } from 'react';
import { isMac } from '../lib/platform';
import { formatKeys } from '../lib/shortcuts';
import { setHelpOpen, useRegisteredShortcuts } from '../lib/useShortcut';

/**
 * The `?` sheet: every shortcut registered on the current screen (its panels included), grouped by scope.
 * Escape or `?` closes it; while it is open the keys it lists are quiet.
 */
export function ShortcutHelp({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const shortcuts = useRegisteredShortcuts();
  useEffect(() => {
    setHelpOpen(open);
    return () => setHelpOpen(false);
  }, [open]);
  const scopes = [...new Set(shortcuts.map((s) => s.scope))];
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="shortcut-help" aria-describedby="shortcut-help-hint">
          <header className="panel-header">
            <Dialog.Title>Keyboard shortcuts</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close">
              ×
            </Dialog.Close>
          </header>
          <p id="shortcut-help-hint" className="shortcut-help-hint">
            Single keys work when the focus is not in a field. Press Esc to close.
          </p>
          <div className="shortcut-help-groups">
            {scopes.map((scope, i) => (
              <section key={scope} aria-labelledby={`shortcuts-${i}`}>
                <h3 id={`shortcuts-${i}`}>{scope}</h3>
                <dl>
                  {shortcuts
                    .filter((s) => s.scope === scope)
                    // The same key registered twice in one scope (a list and its screen) is listed once.
                    .filter((s, i, all) => all.findIndex((o) => o.keys === s.keys) === i)
                    .map((s) => (
                      <div key={s.id} className="shortcut-help-row">
                        <dt>
                          <kbd>{formatKeys(s.keys, isMac)}</kbd>
                        </dt>
                        <dd>{s.description}</dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
