import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Ctx } from '../../context';
import type { Progress } from '../job/progress';
import { tuneForImport } from '../job/recover';
import { runJob } from '../job/runner';
import { undoJob } from '../job/undo';
import type { FromImportWorker, ImportWorkerInit } from './protocol';

type Action = 'run' | 'undo';

interface Task {
  jobId: string;
  action: Action;
}

/** How jobs run: in the import worker thread (the app), or on the core's own connection (tests). */
export type ImportMode = 'worker' | 'inline';

/**
 * From source the worker is a TypeScript file loaded through tsx; in the bundle this module lives in the
 * core worker's bundle and `import-worker.js` is its sibling (see electron.vite.config.ts).
 */
export function workerEntry(here: string = import.meta.url): { entry: URL; execArgv: string[] } {
  if (here.endsWith('.ts'))
    return { entry: new URL('./import-worker.ts', here), execArgv: ['--import', 'tsx'] };
  // Should the bundler ever move this module into a shared chunk (chunks/), the entry is one folder up.
  const sibling = new URL('./import-worker.js', here);
  return {
    entry: existsSync(fileURLToPath(sibling)) ? sibling : new URL('../import-worker.js', here),
    execArgv: [],
  };
}

/**
 * Runs import jobs one at a time (SQLite has one writer) and turns their progress into `import.progress`
 * events and their end into `data.changed`. One manager per database connection.
 */
export class ImportManager {
  private readonly queue: Task[] = [];
  private current: (Task & { cancel(): void }) | null = null;
  private idleWaiters: (() => void)[] = [];
  private taskWaiters: (() => void)[] = [];

  constructor(
    private readonly ctx: Ctx,
    readonly mode: ImportMode,
  ) {}

  enqueue(jobId: string, action: Action): void {
    this.queue.push({ jobId, action });
    if (!this.current) void this.next();
  }

  isActive(jobId: string): boolean {
    return this.current?.jobId === jobId || this.queue.some((t) => t.jobId === jobId);
  }

  /** Cancels a queued job at once, a running one after its current batch. False when it is not here. */
  cancel(jobId: string): 'dequeued' | 'signalled' | false {
    const index = this.queue.findIndex((t) => t.jobId === jobId && t.action === 'run');
    if (index !== -1) {
      this.queue.splice(index, 1);
      return 'dequeued';
    }
    if (this.current?.jobId === jobId && this.current.action === 'run') {
      this.current.cancel();
      return 'signalled';
    }
    return false;
  }

  /** Resolves when no job is queued or running (tests and shutdown). */
  idle(): Promise<void> {
    if (!this.current && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves once the job is neither queued nor running (`imports.run` waits for its own job only). */
  async whenDone(jobId: string): Promise<void> {
    while (this.isActive(jobId)) await new Promise<void>((resolve) => this.taskWaiters.push(resolve));
  }

  private emitProgress = (progress: Progress) => this.ctx.emit('import.progress', progress);

  private async next(): Promise<void> {
    const task = this.queue.shift();
    if (!task) {
      this.current = null;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    const controller = new AbortController();
    this.current = { ...task, cancel: () => controller.abort() };
    try {
      if (this.mode === 'worker') await this.inWorker(task, (cancel) => (this.current = { ...task, cancel }));
      else await this.inline(task, controller.signal);
    } catch (error) {
      console.error(`[tandem] import ${task.action} of ${task.jobId} failed`, error);
    }
    this.ctx.emit('data.changed', {
      domains: ['imports', 'contacts', 'companies', 'leads', 'campaigns', 'spend', 'results'],
    });
    this.current = null;
    for (const resolve of this.taskWaiters.splice(0)) resolve();
    await this.next();
  }

  private async inline(task: Task, signal: AbortSignal): Promise<void> {
    const sqlite = this.ctx.sqlite;
    // The core's own connection does the writing here, so it gets the import worker's tuning.
    if (task.action === 'run') tuneForImport(sqlite);
    if (task.action === 'run')
      await runJob(sqlite, task.jobId, { signal, onProgress: this.emitProgress, now: this.ctx.nowIso });
    else undoJob(sqlite, task.jobId, this.ctx.nowIso);
  }

  private inWorker(task: Task, setCancel: (cancel: () => void) => void): Promise<void> {
    const { entry, execArgv } = workerEntry();
    const init: ImportWorkerInit = {
      file: (this.ctx.sqlite as Database.Database).name,
      jobId: task.jobId,
      action: task.action,
      clockOffsetMs: this.ctx.clock.now().getTime() - Date.now(),
    };
    // A batch, its records and a few caches are all a job holds; a capped heap makes V8 collect them instead
    // of growing the process by hundreds of megabytes on a large file.
    const worker = new Worker(entry, {
      workerData: init,
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
    });
    setCancel(() => worker.postMessage({ type: 'cancel' }));
    return new Promise((resolve, reject) => {
      let failure: string | null = null;
      worker.on('message', (message: FromImportWorker) => {
        if (message.type === 'progress') this.emitProgress(message.progress);
        if (message.type === 'error') failure = message.message;
      });
      worker.once('error', reject);
      worker.once('exit', () => (failure ? reject(new Error(failure)) : resolve()));
    });
  }
}

const managers = new WeakMap<Database.Database, ImportManager>();

/** The database's import manager; `TANDEM_IMPORT_MODE=inline` runs jobs on the core's thread instead. */
export function importManager(ctx: Ctx): ImportManager {
  let manager = managers.get(ctx.sqlite);
  if (!manager) {
    const mode: ImportMode = process.env.TANDEM_IMPORT_MODE === 'inline' ? 'inline' : 'worker';
    managers.set(ctx.sqlite, (manager = new ImportManager(ctx, mode)));
  }
  return manager;
}

/** Tests choose how jobs run on their database. */
export function useImportMode(ctx: Ctx, mode: ImportMode): ImportManager {
  const manager = new ImportManager(ctx, mode);
  managers.set(ctx.sqlite, manager);
  return manager;
}
