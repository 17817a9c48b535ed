import { DropdownMenu } from 'radix-ui';
import { isMac } from '../lib/platform';
import { navigate } from '../lib/router';
import { ariaKeys, formatKeys } from '../lib/shortcuts';
import { requestCreate } from './commands';
import { KEYS } from './globalShortcuts';
import { newItems } from './registry';
import { PeriodPicker } from './PeriodPicker';

/** `showPeriod`: the screen's figures follow the active period (see `usesPeriod` in routes). */
export function TopBar({ onOpenPalette, showPeriod }: { onOpenPalette(): void; showPeriod: boolean }) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="palette-trigger"
        onClick={onOpenPalette}
        aria-keyshortcuts={ariaKeys(KEYS.palette, isMac)}
      >
        <span>Search or jump to…</span>
        <kbd>{formatKeys(KEYS.palette, isMac)}</kbd>
      </button>
      {showPeriod && <PeriodPicker />}
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
                {item.shortcut && <kbd>{formatKeys(item.shortcut, isMac)}</kbd>}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </header>
  );
}
