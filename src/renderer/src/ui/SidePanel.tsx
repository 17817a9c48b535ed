import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * Pointer presses inside the toasts, noted as they happen: a toast's Undo removes the toast on click, before
 * the panel hears of the press, so the panel could not tell by the (then detached) target any more.
 */
const toastPresses = new WeakSet<Event>();
document.addEventListener(
  'pointerdown',
  (event) => {
    if (event.target instanceof Element && event.target.closest('.toasts')) toastPresses.add(event);
  },
  true,
);

/** Detail and edit forms open in a panel over the list, so the list keeps its place. */
export function SidePanel({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content
          className="side-panel"
          aria-describedby={undefined}
          // Undo in a toast while the panel is open (a deleted follow-up) keeps the panel open.
          onInteractOutside={(event) => {
            if (toastPresses.has(event.detail.originalEvent)) event.preventDefault();
          }}
        >
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
