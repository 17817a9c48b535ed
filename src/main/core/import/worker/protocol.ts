import type { Progress } from '../job/progress';

export interface ImportWorkerInit {
  /** Database file (the core's own connection keeps serving the UI meanwhile). */
  file: string;
  jobId: string;
  action: 'run' | 'undo';
}

export type ToImportWorker = { type: 'cancel' };

export type FromImportWorker =
  { type: 'progress'; progress: Progress } | { type: 'done' } | { type: 'error'; message: string };
