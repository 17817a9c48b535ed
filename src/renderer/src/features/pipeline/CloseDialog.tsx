import { Dialog } from 'radix-ui';
import { CloseForm, type Closing } from '../leads/CloseForm';

interface Props {
  title: string;
  outcome: 'won' | 'lost';
  openFollowUps: number;
  open: boolean;
  onCancel(): void;
  onConfirm(closing: Closing): void;
}

/** Dropping a lead on a won or lost stage asks what closing needs: a lost reason, what becomes of follow-ups. */
export function CloseDialog({ title, outcome, openFollowUps, open, onCancel, onConfirm }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="sales-dialog" aria-describedby={undefined}>
          <Dialog.Title>{outcome === 'lost' ? `Why was “${title}” lost?` : `Won “${title}”`}</Dialog.Title>
          {open && (
            <CloseForm
              outcome={outcome}
              openFollowUps={openFollowUps}
              onCancel={onCancel}
              onConfirm={onConfirm}
              label={outcome === 'lost' ? 'Why it was lost' : 'Close as won'}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
