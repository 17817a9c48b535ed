import type { Progress } from '../job/progress';

export interface ImportWorkerInit {
  /** Database file (the core's own connection keeps serving the UI meanwhile). */
  file: string;
  jobId: string;
  action: 'run' | 'undo';
  /**
   * The core's clock as an offset from this machine's time (`ctx.clock.now() - Date.now()` when the job
   * started): a thread cannot share the clock object, and the rows a job writes must carry the same "now" as
   * the core's (the e2e host's `--clock`, a test's fixed instant) rather than the system's.
   */
  clockOffsetMs: number;
}

export type ToImportWorker = { type: 'cancel' };

export type FromImportWorker =
  { type: 'progress'; progress: Progress } | { type: 'done' } | { type: 'error'; message: string };
