import type { EventPayload } from '@shared/contract/events';

export type Progress = EventPayload<'import.progress'>;

/** Minimum time between progress reports: enough for a smooth bar, few enough not to flood the UI. */
const INTERVAL_MS = 250;

/**
 * Rows per second since this run started, and the time left judged by how much of the file is read (the
 * record count is only known at the end, bytes are known all along).
 */
export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = 0;
  private startBytes: number | null = null;

  constructor(
    private readonly jobId: string,
    private readonly fileSize: number,
    private readonly startRows: number,
  ) {}

  /** A report, or null when the last one was too recent (unless `force`, for the final report). */
  next(status: string, rowsDone: number, bytesRead: number, force = false): Progress | null {
    const now = performance.now();
    this.startBytes ??= bytesRead;
    if (!force && now - this.lastReport < INTERVAL_MS) return null;
    this.lastReport = now;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rowsPerSecond = Math.round((rowsDone - this.startRows) / seconds);
    const readSinceStart = bytesRead - this.startBytes;
    const left = Math.max(this.fileSize - bytesRead, 0);
    const etaSeconds = readSinceStart > 0 ? Math.round(((seconds * left) / readSinceStart) * 10) / 10 : null;
    if (status === 'done')
      return { jobId: this.jobId, status, rowsDone, rowsTotal: rowsDone, rowsPerSecond, etaSeconds: 0 };
    return {
      jobId: this.jobId,
      status,
      rowsDone,
      rowsTotal: null,
      rowsPerSecond,
      etaSeconds: status === 'running' ? etaSeconds : null,
    };
  }
}
