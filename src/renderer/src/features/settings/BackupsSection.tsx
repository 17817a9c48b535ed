import { useQueryClient } from '@tanstack/react-query';
import { AlertDialog } from 'radix-ui';
import { useState } from 'react';
import type { BackupEntry, BackupKind } from '@shared/api/system';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import './settings.css';

const KINDS: Record<BackupKind, string> = {
  daily: 'Automatic',
  manual: 'Backed up by you',
  'before-restore': 'Safety copy before a restore',
  'before-migration': 'Before an update of Tandem',
  other: 'Added to the folder',
};

function size(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(bytes / 1024, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** Settings → Backups: what the backups folder holds, "Back up now", and a restore that asks first. */
export function BackupsSection() {
  const { settings, format } = useWorkspace();
  const toast = useToast();
  const queries = useQueryClient();
  const list = useQuery('system.backups.list', {});
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const backUp = () => {
    setBusy(true);
    client
      .call('system.backups.create', {})
      .then(() => toast.show('Backup written.'))
      .catch((e: unknown) => toast.show(messageOf(e), { tone: 'error' }))
      .finally(() => setBusy(false));
  };

  const restore = (backup: BackupEntry) => {
    setRestoring(null);
    setBusy(true);
    client
      .call('system.backups.restore', { id: backup.id })
      .then(async (done) => {
        // Everything on screen came from the database that was replaced.
        await queries.invalidateQueries();
        toast.show(
          `Restored the backup of ${format.dateTime(backup.at)}.${done.previous ? ' A safety copy of what it replaced is in the list.' : ''}`,
        );
      })
      .catch((e: unknown) => toast.show(messageOf(e), { tone: 'error' }))
      .finally(() => setBusy(false));
  };

  const backups = list.data?.backups ?? [];
  return (
    <section className="backups" aria-labelledby="backups-heading">
      <div className="backups-head">
        <h2 id="backups-heading">Backups</h2>
        <button type="button" className="button primary" onClick={backUp} disabled={busy}>
          Back up now
        </button>
      </div>
      <p className="field-hint">
        Tandem backs up the database once a day while it runs and keeps the last 7 days, 4 weeks and 12 months
        of those, plus every backup you make. They are in {list.data?.folder ?? 'the backups folder'}.
      </p>
      {list.error && <p role="alert">{list.error.message}</p>}
      {backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <table className="data-table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td title={backup.id}>{format.dateTime(backup.at)}</td>
                <td>{KINDS[backup.kind]}</td>
                <td className="num">{size(backup.bytes, settings.locale)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => setRestoring(backup)}
                    aria-label={`Restore the backup of ${format.dateTime(backup.at)}`}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AlertDialog.Root open={restoring !== null} onOpenChange={(open) => !open && setRestoring(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="panel-overlay" />
          <AlertDialog.Content className="backup-dialog">
            <AlertDialog.Title>
              Restore the backup of {restoring ? format.dateTime(restoring.at) : ''}?
            </AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div>
                <p>
                  Everything in Tandem goes back to how it was then. Tandem first checks the backup, and keeps
                  a safety copy of the database as it is now in this list, so you can go back to it.
                </p>
              </div>
            </AlertDialog.Description>
            <div className="form-actions">
              <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
              <AlertDialog.Action className="button danger" onClick={() => restoring && restore(restoring)}>
                Restore
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
