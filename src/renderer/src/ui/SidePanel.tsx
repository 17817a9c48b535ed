import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** Detail and edit forms open in a panel over the list, so the list keeps its place. */
export function SidePanel({ title, open, onClose, children }: { title: string; open: boolean; onClose(): void; children: ReactNode }) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="side-panel" aria-describedby={undefined}>
          <header className="panel-header">
            <Dialog.Title>{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close">
              ×
            </Dialog.Close>
          </header>
          <div className="panel-body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
