import { Dialog } from 'radix-ui';
import { useRef, type ReactNode } from 'react';

/**
 * Pointer presses inside the toasts, noted as they happen: a toast's Undo removes the toast on click, before
 * the panel hears of the press, so the panel could not tell by the (then detached) target any more.
 */
const toastPresses = new WeakSet<Event>();
/** The control last pressed: a dragged card takes no focus on press, yet it is what opened the panel. */
let lastPressed: Element | null = null;
document.addEventListener(
  'pointerdown',
  (event) => {
    if (event.target instanceof Element && event.target.closest('.toasts')) toastPresses.add(event);
    lastPressed = event.target instanceof Element ? event.target : null;
  },
  true,
);

const FOCUSABLE =
  '[data-card-id], [role="row"][tabindex], [data-row], button, a[href], input, select, textarea';

/** What opened a panel, and how to find it again if the list re-rendered it as a new element. */
interface Opener {
  element: HTMLElement;
  selector: string | null;
}

function openerNow(): Opener | null {
  const active = document.activeElement;
  const pressed = lastPressed?.isConnected ? lastPressed.closest<HTMLElement>(FOCUSABLE) : null;
  const element =
    active instanceof HTMLElement && active !== document.body && !active.closest('.side-panel')
      ? active
      : pressed && !pressed.closest('.side-panel')
        ? pressed
        : null;
  if (!element) return null;
  const card = element.getAttribute('data-card-id');
  const index = element.getAttribute('data-index');
  const table = element.closest('[role="table"]')?.getAttribute('aria-label');
  const selector = card
    ? `[data-card-id="${CSS.escape(card)}"]`
    : index !== null && table
      ? `[role="table"][aria-label="${CSS.escape(table)}"] [role="row"][data-index="${CSS.escape(index)}"]`
      : null;
  return { element, selector };
}

/** Back to the row or card that opened the panel, so the keyboard carries on where it was. */
function returnFocus(opener: Opener): boolean {
  const target = opener.element.isConnected
    ? opener.element
    : opener.selector
      ? document.querySelector<HTMLElement>(opener.selector)
      : null;
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}

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
  const opener = useRef<Opener | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content
          className="side-panel"
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            opener.current = openerNow();
          }}
          onCloseAutoFocus={(event) => {
            const from = opener.current;
            opener.current = null;
            if (from && returnFocus(from)) event.preventDefault();
          }}
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
