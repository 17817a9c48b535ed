import { useCallback, useState } from 'react';
import type { ImportJob } from '@shared/api/imports';
import { client } from '../../lib/client';
import { useToast } from '../../ui/toast';

/** Cancel, resume and undo (after its confirmation), each announced in a toast; shared by the job view and the history. */
export function useJobActions() {
  const toast = useToast();
  const [confirming, setConfirming] = useState<ImportJob | null>(null);
  const fail = useCallback(
    (error: unknown) => toast.show(error instanceof Error ? error.message : String(error), { tone: 'error' }),
    [toast],
  );

  const cancel = useCallback(
    (job: ImportJob) =>
      client
        .call('imports.cancel', { id: job.id })
        .then(() =>
          toast.show(
            `Stopping the import of ${job.fileName} after the rows being written; what is written stays and can be resumed.`,
          ),
        )
        .catch(fail),
    [toast, fail],
  );
  const resume = useCallback(
    (job: ImportJob) =>
      client
        .call('imports.resume', { id: job.id })
        .then(() => {
          toast.show(`Resuming the import of ${job.fileName}.`);
          return true;
        })
        .catch((error: unknown) => {
          fail(error);
          return false;
        }),
    [toast, fail],
  );
  const undo = useCallback(
    (job: ImportJob) => {
      setConfirming(null);
      client
        .call('imports.undo', { id: job.id })
        .then(() => toast.show(`Undoing the import of ${job.fileName}.`))
        .catch(fail);
    },
    [toast, fail],
  );
  return { cancel, resume, askUndo: setConfirming, undo, confirming, closeUndo: () => setConfirming(null) };
}
