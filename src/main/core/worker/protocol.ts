import type { Result } from '@shared/contract/result';

export interface WorkerInit {
  file: string;
  migrationsFolder?: string;
  /** ISO instant the worker's clock starts at (tests and demos); absent means real time. */
  clockStart?: string;
  /** Parse every handler's output with its schema (the host under the end-to-end tests). */
  checkOutput?: boolean;
  /** Which paths methods may open (`granted` in the desktop app and the browser host). */
  fileAccess?: 'any' | 'granted';
}

export type ToWorker =
  | { type: 'invoke'; id: number; method: unknown; input: unknown }
  | { type: 'grant'; path: string; use: 'read' | 'write' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string; code: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };
