import { Worker } from 'node:worker_threads';
import type { Result } from '@shared/contract/result';
import type { CoreListener } from '../app';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface RemoteCore {
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreListener): () => void;
  /** Grants a path the user chose in a dialog; it reaches the worker before any later call. */
  grantFile(path: string, use: 'read' | 'write'): void;
  close(): Promise<void>;
}

export class CoreStartError extends Error {
  override readonly name = 'CoreStartError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Starts the core in a worker thread and resolves once the database is open and migrated.
 * `execArgv` lets a source checkout load the TypeScript entry through tsx; the bundle needs none.
 */
export function spawnCore(
  entry: string | URL,
  init: WorkerInit,
  execArgv: string[] = [],
): Promise<RemoteCore> {
  const worker = new Worker(entry, { workerData: init, execArgv });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<CoreListener>();
  let nextId = 1;
  let exited = false;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      failAll(`Tandem's database worker stopped: ${error.message}`);
      reject(error);
    });
    worker.on('exit', () => {
      exited = true;
      failAll("Tandem's database worker has stopped.");
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(remote);
          break;
        case 'failed':
          reject(new CoreStartError(message.message, message.code));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.event as never, message.payload);
          break;
      }
    });

    const post = (message: ToWorker) => worker.postMessage(message);
    const remote: RemoteCore = {
      dispatch(method, input) {
        if (exited)
          return Promise.resolve({
            ok: false,
            error: { code: 'internal', message: "Tandem's database worker has stopped." },
          });
        const id = nextId++;
        return new Promise((done) => {
          pending.set(id, done);
          post({ type: 'invoke', id, method, input });
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      grantFile(path, use) {
        if (!exited) post({ type: 'grant', path, use });
      },
      close() {
        if (exited) return Promise.resolve();
        return new Promise((done) => {
          worker.once('exit', () => done());
          post({ type: 'close' });
        });
      },
    };
  });
}
