import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../app';
import { clockFrom } from '../context';
import { SchemaTooNewError } from '../db/migrate';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

/**
 * The core in its own thread: the one writer of the database, so SQL never blocks the Electron main
 * process or the host's HTTP loop.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('core-worker must run in a worker thread');
  const init = workerData as WorkerInit;
  const send = (message: FromWorker) => port.postMessage(message);
  try {
    const core = await createCore(init.file, {
      migrationsFolder: init.migrationsFolder,
      clock: init.clockStart ? clockFrom(new Date(init.clockStart)) : undefined,
      checkOutput: init.checkOutput,
      fileAccess: init.fileAccess,
    });
    core.subscribe((event, payload) => send({ type: 'event', event, payload }));
    port.on('message', (message: ToWorker) => {
      if (message.type === 'grant') {
        // Posted before the invoke that uses the path, and messages arrive in order.
        core.grantFile(message.path, message.use);
        return;
      }
      if (message.type === 'close') {
        core.close();
        port.close();
        return;
      }
      void core
        .dispatch(message.method, message.input)
        .then((result) => send({ type: 'result', id: message.id, result }));
    });
    send({ type: 'ready' });
  } catch (error) {
    const code = error instanceof SchemaTooNewError ? 'schema_too_new' : 'internal';
    send({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
