import { Dialog } from 'radix-ui';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DeletableKind, DeletionImpact, DependentsChoice } from '@shared/api/deletion';
import { client } from '../lib/client';
import { asApiError } from '../lib/form-errors';
import { holdRecord } from '../lib/query-client';
import { useToast } from './toast';

interface Request {
  kind: DeletableKind;
  id: string;
  name: string;
  /** Deletes (with the user's choice for dependents, when one was asked). */
  run(choice?: DependentsChoice): Promise<unknown>;
  /** The view showing the record closes once it is deleted: it stops re-reading the record meanwhile. */
  closesView?: boolean;
}

/**
 * Deleting a record that others point at says what becomes of them and asks first; a record with nothing
 * but its own notes and tasks (which go to the Trash with it) is deleted at once, with the toast's undo.
 * The third value is true from the moment the delete is sent (false again if it fails): the view showing the
 * record stops re-reading it then, so the change the delete announces does not fetch what is gone.
 */
export function useDeleteWithImpact(): [(request: Request) => void, ReactNode, boolean] {
  const toast = useToast();
  const [pending, setPending] = useState<{ request: Request; impact: DeletionImpact } | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Holds end when the view closes (this hook's owner unmounts) or the delete fails.
  const holds = useRef<(() => void)[]>([]);
  useEffect(() => () => holds.current.forEach((release) => release()), []);
  const run = (r: Request, choice?: DependentsChoice) => {
    setDeleting(true);
    const release = r.closesView ? holdRecord(r.id) : () => undefined;
    holds.current.push(release);
    return r.run(choice).catch((e: unknown) => {
      release();
      setDeleting(false);
      throw e;
    });
  };
  const request = (r: Request) =>
    void client
      .call('deletion.impact', { kind: r.kind, id: r.id })
      .then((impact) => {
        if (impact.dependents.every((d) => d.fate === 'cascade')) return run(r);
        setPending({ request: r, impact });
      })
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  const dialog = (
    <Dialog.Root open={pending !== null} onOpenChange={(open) => !open && setPending(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="sales-dialog" aria-describedby={undefined}>
          <Dialog.Title>
            {pending?.impact.blocked
              ? `“${pending.request.name}” cannot be deleted`
              : `Delete “${pending?.request.name}”?`}
          </Dialog.Title>
          {pending && (
            <DeleteForm
              impact={pending.impact}
              onCancel={() => setPending(null)}
              onConfirm={(choice) => {
                setPending(null);
                void run(pending.request, choice).catch((e: unknown) =>
                  toast.show(asApiError(e).message, { tone: 'error' }),
                );
              }}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
  return [request, dialog, deleting];
}

function DeleteForm({
  impact,
  onCancel,
  onConfirm,
}: {
  impact: DeletionImpact;
  onCancel(): void;
  onConfirm(choice?: DependentsChoice): void;
}) {
  const [choice, setChoice] = useState<DependentsChoice>('keep');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(impact.needsChoice ? choice : undefined);
  };
  const asked = impact.dependents.find((d) => d.fate === 'choice');
  const many = (asked?.count ?? 0) !== 1;
  return (
    <form className="form" onSubmit={submit} aria-label="What happens when it is deleted">
      {impact.blocked ? (
        <p role="alert">{impact.blocked}</p>
      ) : (
        <ul className="delete-impact">
          {impact.dependents
            .filter((d) => d.fate !== 'choice')
            .map((d) => (
              <li key={d.sentence}>{d.sentence}.</li>
            ))}
        </ul>
      )}
      {asked && !impact.blocked && (
        <fieldset className="close-follow-ups">
          <legend>{asked.sentence.split(':')[0]}:</legend>
          <label>
            <input
              type="radio"
              name="dependents"
              checked={choice === 'keep'}
              onChange={() => setChoice('keep')}
            />
            Keep {many ? 'them' : 'it'}, without this contact
          </label>
          <label>
            <input
              type="radio"
              name="dependents"
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />
            Delete {many ? 'them' : 'it'} too
          </label>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {impact.blocked ? 'Close' : 'Cancel'}
        </button>
        {!impact.blocked && (
          <button type="submit" className="button danger">
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
