import { DropdownMenu } from 'radix-ui';
import { navigate } from '../lib/router';
import { requestCreate } from './commands';
import { newItems } from './registry';
import { PeriodPicker } from './PeriodPicker';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function TopBar({ onOpenPalette }: { onOpenPalette(): void }) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="palette-trigger"
        onClick={onOpenPalette}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
      >
        <span>Search or jump to…</span>
        <kbd>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <PeriodPicker />
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="button primary">+ New</DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            {newItems.map((item) => (
              <DropdownMenu.Item
                key={item.id}
                className="menu-item"
                onSelect={() => {
                  navigate(item.path);
                  window.setTimeout(() => requestCreate(item.id), 0);
                }}
              >
                {item.label}
                {item.shortcut && <kbd>{item.shortcut}</kbd>}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </header>
  );
}
