import { useEffect, useState } from 'react';
import type { ImportJob, ImportStatus } from '@shared/api/imports';
import type { EventPayload } from '@shared/contract/events';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { countsLine, isBusy, KIND_LABEL, plural, STATUS } from './status';
import { UndoDialog } from './UndoDialog';
import { useJobActions } from './useJobActions';

type Progress = EventPayload<'import.progress'>;

/** The latest progress of each job that is importing now; the list itself is re-read when a job ends. */
function useLiveProgress(): Map<string, Progress> {
  const [live, setLive] = useState(() => new Map<string, Progress>());
  useEffect(() => client.on('import.progress', (p) => setLive((all) => new Map(all).set(p.jobId, p))), []);
  return live;
}

/** Past imports, newest first: what came in, how it went, and undo or resume. */
export function History({ jobs, total }: { jobs: ImportJob[]; total: number }) {
  const { format } = useWorkspace();
  const actions = useJobActions();
  const live = useLiveProgress();
  if (jobs.length === 0) return null;
  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">Earlier imports</h2>
      <table className="data-table" aria-label="Import history">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Holds</th>
            <th scope="col">When</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
            <th scope="col" className="row-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            // A report says more than the stored row while a run is under way (a resumed job's row still says how it last ended).
            const report = live.get(job.id);
            const progress =
              job.status === 'queued' || job.status === 'running' || report?.status === 'running'
                ? report
                : undefined;
            const status = (
              progress?.status && progress.status in STATUS ? progress.status : job.status
            ) as ImportStatus;
            const state = STATUS[status];
            return (
              <tr key={job.id}>
                <td>
                  <a href={`#/imports/${job.id}`}>{job.fileName}</a>
                  {job.presetLabel && <span className="muted plan-of">{job.presetLabel}</span>}
                </td>
                <td>{KIND_LABEL[job.kind]}</td>
                <td>{format.dateTime(job.createdAt)}</td>
                <td>
                  <span className={`import-status import-${status}`}>
                    <span aria-hidden="true">{state.icon} </span>
                    {state.label}
                  </span>
                </td>
                <td className="muted">
                  {status === 'running' && progress
                    ? `${plural(progress.rowsDone, 'row', 'rows', format)} so far`
                    : status === 'undone'
                      ? 'Taken back'
                      : countsLine(job, format)}
                </td>
                <td className="row-actions">
                  {job.canCancel && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void actions.cancel(job)}
                      aria-label={`Cancel the import of ${job.fileName}`}
                    >
                      Cancel
                    </button>
                  )}
                  {!isBusy(job.status) && job.canResume && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void actions.resume(job)}
                      aria-label={`Resume the import of ${job.fileName}`}
                    >
                      Resume
                    </button>
                  )}
                  {!isBusy(job.status) && job.canUndo && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => actions.askUndo(job)}
                      aria-label={`Undo the import of ${job.fileName}`}
                    >
                      Undo…
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > jobs.length && (
        <p className="muted">
          The latest {format.number(jobs.length)} of {format.number(total)} imports.
        </p>
      )}
      <UndoDialog job={actions.confirming} onCancel={actions.closeUndo} onConfirm={actions.undo} />
    </section>
  );
}
