import { useEffect, useRef, useState } from 'react';
import type { ImportKind } from '@shared/api/imports';
import { useWorkspace } from '../../lib/settings';
import { JobSummary } from './JobSummary';
import { RowErrors } from './RowErrors';
import { duration, isBusy, KIND_LABEL, plural, STATUS } from './status';
import { UndoDialog } from './UndoDialog';
import { useJobActions } from './useJobActions';
import { useJobProgress, type JobProgress } from './useJobProgress';

/** Where the imported records can be seen. */
const SEE: Record<ImportKind, { path: string; label: string }> = {
  contacts: { path: 'contacts', label: 'Open Leads & contacts' },
  deals: { path: 'pipeline', label: 'Open the pipeline' },
  orders: { path: 'contacts', label: 'Open Leads & contacts' },
  payments: { path: 'contacts', label: 'Open Leads & contacts' },
  metrics: { path: 'campaigns', label: 'Open Campaigns' },
  companies: { path: 'contacts', label: 'Open Leads & contacts' },
  activities: { path: 'today', label: 'Open Today' },
  campaigns: { path: 'campaigns', label: 'Open Campaigns' },
  spend: { path: 'campaigns', label: 'Open Campaigns' },
  content: { path: 'calendar', label: 'Open the calendar' },
};

/** One import: its progress while it runs, then what it did, what it left out, and undo. */
export function JobView({ id, onImportAnother }: { id: string; onImportAnother(): void }) {
  const progress = useJobProgress(id);
  const actions = useJobActions();
  const { format } = useWorkspace();
  // Between Resume and the resumed run's first report the stored row still says how the last run ended.
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const resuming = resumedAt !== null && resumedAt === progress.reports;
  const { job } = progress;
  const status = resuming ? 'queued' : progress.status;
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = job !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (progress.error && !job) {
    return (
      <div className="import-rejection" role="alert">
        <p>{progress.error.message}</p>
        <a href="#/imports">Back to imports</a>
      </div>
    );
  }
  if (!job || !status) return null;
  const state = STATUS[status as keyof typeof STATUS] ?? { label: status, icon: '•' };
  const busy = isBusy(status);
  const see = SEE[job.kind];

  return (
    <article className="job-view" aria-labelledby="job-title">
      <p className="breadcrumb">
        <a href="#/imports">
          <span aria-hidden="true">← </span>All imports
        </a>
      </p>
      <header className="job-header">
        <div>
          <h2 id="job-title" ref={heading} tabIndex={-1}>
            {job.fileName}
          </h2>
          <p className="muted">
            {KIND_LABEL[job.kind]}
            {job.presetLabel && ` · ${job.presetLabel} export`} · started {format.dateTime(job.createdAt)}
          </p>
        </div>
        <p className={`import-status import-${status}`} role="status">
          <span aria-hidden="true">{state.icon} </span>
          {state.label}
        </p>
      </header>

      <ProgressBar progress={{ ...progress, status }} />

      {!busy && job.message && (
        <p
          className={status === 'failed' ? 'import-rejection' : 'import-note'}
          role={status === 'failed' ? 'alert' : undefined}
        >
          {job.message}
        </p>
      )}
      {!busy && status !== 'undone' && <JobSummary job={job} />}
      {status === 'undone' && (
        <p className="import-note">
          This import was undone: what it added is gone and what it changed is as it was before.
        </p>
      )}

      <div className="toolbar job-actions">
        {(job.canCancel || status === 'running') && !resuming && (
          <button type="button" className="button" onClick={() => void actions.cancel(job)}>
            Cancel import
          </button>
        )}
        {!busy && job.canResume && (
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setResumedAt(progress.reports);
              void actions.resume(job).then((ok) => ok || setResumedAt(null));
            }}
          >
            Resume
          </button>
        )}
        {!busy && status !== 'undone' && (
          <a className="button primary-link" href={`#/${see.path}`}>
            {see.label}
          </a>
        )}
        {!busy && job.canUndo && (
          <button type="button" className="button danger" onClick={() => actions.askUndo(job)}>
            Undo import…
          </button>
        )}
        <button type="button" className="button" onClick={onImportAnother}>
          Import another file
        </button>
      </div>

      {!busy && status !== 'undone' && <RowErrors job={job} />}
      <UndoDialog job={actions.confirming} onCancel={actions.closeUndo} onConfirm={actions.undo} />
    </article>
  );
}

/** Rows done of the file's rows, with the speed and the time left while it runs. */
function ProgressBar({ progress }: { progress: JobProgress }) {
  const { format } = useWorkspace();
  const { status, rowsDone, rowsTotal, rowsPerSecond, etaSeconds, job } = progress;
  const finished = status === 'done';
  const total = finished ? (rowsTotal ?? rowsDone) : rowsTotal;
  const done = total !== null ? Math.min(rowsDone, total) : rowsDone;
  const fraction = total ? done / total : finished ? 1 : null;
  const undoing = status === 'undoing';
  const counted =
    total !== null
      ? `${format.number(done)} of ${plural(total, 'row', 'rows', format)}`
      : `${plural(done, 'row', 'rows', format)} so far`;
  const took =
    job?.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  return (
    <div className="job-progress">
      <div
        className={`progress${fraction === null || undoing ? ' progress-unknown' : ''}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={undoing || total === null ? undefined : done}
        aria-valuetext={undoing ? 'Undoing' : counted}
      >
        <span style={{ width: `${Math.round((undoing ? 1 : (fraction ?? 0.3)) * 100)}%` }} />
      </div>
      <p className="progress-text">
        {undoing ? (
          'Taking back what this import wrote…'
        ) : (
          <>
            <span className="num-left">{counted}</span>
            {fraction !== null && !finished && <span> · {format.percent(fraction)}</span>}
            {rowsPerSecond !== null && rowsPerSecond > 0 && (
              <span> · {format.number(rowsPerSecond)} rows/s</span>
            )}
            {etaSeconds !== null && !finished && <span> · about {duration(etaSeconds, format)} left</span>}
            {finished && took !== null && <span> · took {duration(took, format)}</span>}
          </>
        )}
      </p>
    </div>
  );
}
