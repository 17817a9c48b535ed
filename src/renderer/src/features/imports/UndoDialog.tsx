import { AlertDialog } from 'radix-ui';
import type { ImportJob } from '@shared/api/imports';
import { useWorkspace } from '../../lib/settings';
import { plural, RECORDS } from './status';

interface Props {
  job: ImportJob | null;
  onCancel(): void;
  onConfirm(job: ImportJob): void;
}

/** Undoing an import removes many records at once, so it asks first and says exactly what will happen. */
export function UndoDialog({ job, onCancel, onConfirm }: Props) {
  const { format } = useWorkspace();
  const noun = job ? RECORDS[job.kind] : RECORDS.contacts;
  return (
    <AlertDialog.Root open={job !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="panel-overlay" />
        <AlertDialog.Content className="import-dialog">
          <AlertDialog.Title>Undo the import of {job?.fileName}?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="import-dialog-body">
              {job && (
                <ul>
                  {job.inserted > 0 && (
                    <li>
                      {plural(job.inserted, `${noun.one} it added is`, `${noun.many} it added are`, format)}{' '}
                      removed.
                    </li>
                  )}
                  {job.updated > 0 && (
                    <li>
                      {plural(
                        job.updated,
                        `${noun.one} it changed gets`,
                        `${noun.many} it changed get`,
                        format,
                      )}{' '}
                      the earlier values back.
                    </li>
                  )}
                  {job.newCampaigns.length > 0 && (
                    <li>
                      {plural(
                        job.newCampaigns.length,
                        'draft campaign it created is',
                        'draft campaigns it created are',
                        format,
                      )}{' '}
                      removed.
                    </li>
                  )}
                </ul>
              )}
              <p className="muted">
                A record you have linked something to since (a lead on an imported contact) is hidden instead,
                so nothing of yours breaks.
              </p>
            </div>
          </AlertDialog.Description>
          <div className="form-actions">
            <AlertDialog.Cancel className="button">Keep the import</AlertDialog.Cancel>
            <AlertDialog.Action className="button danger" onClick={() => job && onConfirm(job)}>
              Undo import
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
