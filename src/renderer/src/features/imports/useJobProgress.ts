import { useEffect, useState } from 'react';
import type { ImportJob } from '@shared/api/imports';
import type { EventPayload } from '@shared/contract/events';
import { client } from '../../lib/client';
import { useQuery } from '../../lib/useQuery';
import { jobHint } from './jobHints';

type Progress = EventPayload<'import.progress'>;

export interface JobProgress {
  job: ImportJob | undefined;
  error: Error | null;
  status: string | undefined;
  rowsDone: number;
  /** File records: known from the inspection when this page started the job, else once the job has finished. */
  rowsTotal: number | null;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  /** Progress reports heard for this job so far (a resumed job has started once the next one arrives). */
  reports: number;
}

/**
 * A job as stored, brought up to date by its `import.progress` events between the stored snapshots (the
 * job row is re-read whenever the core reports changed data, which it does when a run ends).
 */
export function useJobProgress(id: string): JobProgress {
  const job = useQuery('imports.get', { id });
  const [live, setLive] = useState<{ progress: Progress; reports: number } | null>(null);
  useEffect(
    () =>
      client.on('import.progress', (progress) => {
        if (progress.jobId === id)
          setLive((previous) => ({
            progress,
            reports: (previous?.progress.jobId === id ? previous.reports : 0) + 1,
          }));
      }),
    [id],
  );

  const data = job.data?.id === id ? job.data : undefined;
  const event = live?.progress.jobId === id ? live.progress : null;
  const stored = data?.status;
  // Every run ends with a report of how it ended, so the latest report is current while a run is under way:
  // the stored row is written once per batch, and a resumed job's row still says how the last run ended.
  const running = stored === 'queued' || stored === 'running' || event?.status === 'running';
  const status = running && event ? event.status : stored;
  const rowsDone = Math.max(data?.rowsDone ?? 0, running ? (event?.rowsDone ?? 0) : 0);
  return {
    job: data,
    error: job.error,
    status,
    rowsDone,
    rowsTotal: data?.rowsTotal ?? event?.rowsTotal ?? jobHint(id)?.records ?? null,
    rowsPerSecond: event && running ? event.rowsPerSecond : null,
    etaSeconds: event && running ? event.etaSeconds : null,
    reports: live?.progress.jobId === id ? live.reports : 0,
  };
}
