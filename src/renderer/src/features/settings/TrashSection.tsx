import { AlertDialog } from 'radix-ui';
import { useState } from 'react';
import type { TrashEntry, TrashKind } from '@shared/api/trash';
import { client } from '../../lib/client';
import { asApiError } from '../../lib/form-errors';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';

const KIND_LABEL: Record<TrashKind, string> = {
  contact: 'Contact',
  company: 'Company',
  lead: 'Lead',
  activity: 'Follow-up',
  campaign: 'Campaign',
  spend: 'Spend',
  content: 'Content item',
  plan: 'Plan',
  cadence: 'Cadence',
};

/**
 * Settings → Trash: what was deleted, newest first, each with Restore. Records that went with another (a
 * contact's notes, a campaign's spend) are not listed: they come back with it.
 */
export function TrashSection() {
  const { format } = useWorkspace();
  const toast = useToast();
  const trash = useQuery('trash.list', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [purging, setPurging] = useState<TrashEntry | null>(null);

  const restore = (entry: TrashEntry) => {
    setBusy(entry.id);
    client
      .call('trash.restore', { kind: entry.kind, id: entry.id })
      .then((back) => toast.show(`Restored ${KIND_LABEL[back.kind].toLowerCase()} “${back.label}”.`))
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }))
      .finally(() => setBusy(null));
  };

  const purge = (entry: TrashEntry) => {
    setPurging(null);
    setBusy(entry.id);
    client
      .call('trash.purge', { kind: entry.kind, id: entry.id })
      .then((gone) => toast.show(`Deleted “${gone.label}” for good.`))
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }))
      .finally(() => setBusy(null));
  };

  const rows = trash.data?.rows ?? [];
  const total = trash.data?.total ?? 0;
  const nameOf = (e: TrashEntry) => (e.day ? `${e.label} · ${format.date(e.day)}` : e.label);
  return (
    <section className="backups" aria-labelledby="trash-heading">
      <div className="backups-head">
        <h2 id="trash-heading">Trash</h2>
      </div>
      <p className="field-hint">
        Deleted records stay here, so nothing is lost by a wrong click. Restore brings a record back with
        everything its delete took (a contact&rsquo;s notes, a campaign&rsquo;s spend and content) and its
        links.
      </p>
      {trash.error && <p role="alert">{trash.error.message}</p>}
      {rows.length === 0 ? (
        <p className="muted">The Trash is empty.</p>
      ) : (
        <table className="data-table" aria-label="Trash">
          <thead>
            <tr>
              <th scope="col">Deleted</th>
              <th scope="col">Kind</th>
              <th scope="col">Record</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={`${entry.kind}-${entry.id}`}>
                <td>{format.dateTime(entry.deletedAt)}</td>
                <td>{KIND_LABEL[entry.kind]}</td>
                <td>
                  {nameOf(entry)}
                  {entry.detail && <span className="muted"> · {entry.detail}</span>}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    onClick={() => restore(entry)}
                    aria-label={`Restore ${KIND_LABEL[entry.kind].toLowerCase()} ${entry.label}`}
                  >
                    Restore
                  </button>{' '}
                  <button
                    type="button"
                    className="button danger"
                    disabled={busy !== null}
                    onClick={() => setPurging(entry)}
                    aria-label={`Delete ${KIND_LABEL[entry.kind].toLowerCase()} ${entry.label} for good`}
                  >
                    Delete for good…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length && (
        <p className="field-hint">
          Showing the {rows.length} most recent of {total} deleted records.
        </p>
      )}
      <AlertDialog.Root open={purging !== null} onOpenChange={(open) => !open && setPurging(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="panel-overlay" />
          <AlertDialog.Content className="backup-dialog">
            <AlertDialog.Title>Delete “{purging?.label}” for good?</AlertDialog.Title>
            <AlertDialog.Description>
              It leaves the Trash with everything that went with it, and cannot be restored or undone. Records
              that stay (a kept lead, an order) keep their own data without it.
            </AlertDialog.Description>
            <div className="form-actions">
              <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
              <AlertDialog.Action className="button danger" onClick={() => purging && purge(purging)}>
                Delete for good
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
