import { parentPort, workerData } from 'node:worker_threads';
import { openImportConnection } from '../job/recover';
import { runJob } from '../job/runner';
import { undoJob } from '../job/undo';
import type { FromImportWorker, ImportWorkerInit, ToImportWorker } from './protocol';

/**
 * One import or undo in its own thread with its own connection, so parsing and writing a large file never
 * blocks the core's thread that answers the UI. It ends when the job ends.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('import-worker must run in a worker thread');
  const init = workerData as ImportWorkerInit;
  const send = (message: FromImportWorker) => port.postMessage(message);
  const controller = new AbortController();
  port.on('message', (message: ToImportWorker) => {
    if (message.type === 'cancel') controller.abort();
  });
  const sqlite = openImportConnection(init.file);
  const now = () => new Date(Date.now() + init.clockOffsetMs).toISOString();
  try {
    if (init.action === 'run') {
      await runJob(sqlite, init.jobId, {
        signal: controller.signal,
        onProgress: (progress) => send({ type: 'progress', progress }),
        now,
      });
    } else {
      let removed = 0;
      undoJob(sqlite, init.jobId, now, (n) => {
        removed += n;
        send({
          type: 'progress',
          progress: {
            jobId: init.jobId,
            status: 'undoing',
            rowsDone: removed,
            rowsTotal: null,
            rowsPerSecond: 0,
            etaSeconds: null,
          },
        });
      });
    }
    send({ type: 'done' });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    sqlite.close();
    port.close();
  }
}

void main();
