import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field';

interface Props {
  title: string;
  open: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}

/** Dropping a lead on a lost stage asks why: the reason is required and tells marketing what went wrong. */
export function LostDialog({ title, open, onCancel, onConfirm }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="sales-dialog" aria-describedby={undefined}>
          <Dialog.Title>Why was “{title}” lost?</Dialog.Title>
          {open && <ReasonForm onCancel={onCancel} onConfirm={onConfirm} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ReasonForm({ onCancel, onConfirm }: Omit<Props, 'title' | 'open'>) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('say why the lead was lost');
    onConfirm(reason.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Why it was lost">
      <Field
        label="Lost reason"
        value={reason}
        onValue={setReason}
        error={error}
        required
        autoFocus
        placeholder="e.g. Went with a cheaper roaster"
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Keep it open
        </button>
        <button type="submit" className="button primary">
          Mark as lost
        </button>
      </div>
    </form>
  );
}
