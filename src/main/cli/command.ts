import type { Input, MethodName, Output } from '@shared/api';
import type { ApiErrorBody } from '@shared/contract/result';
import { createCore, type Core } from '@core/app';
import { UsageError } from './args';

/** Where a command writes, and its clock: the real process in use, a recorder in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
  /** The whole of standard input (`tandem call METHOD -`). */
  readStdin(): Promise<string>;
}

/**
 * One command of `tandem`. A command parses its arguments, opens the core with `withCore` and calls it only
 * through `runMethod` (the same validated dispatch as IPC and the host), then prints the answer. Adding one
 * is a file in src/main/cli plus a line in the table of commands.ts.
 */
export interface Command {
  summary: string;
  usage: string;
  /** Returns the exit code; throws UsageError (exit 2) or CommandFailed (exit 1) with the message to print. */
  run(args: string[], db: string, io: Io): Promise<number>;
}

/** The core refused or failed: exit 1, and the database is as it was. */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}

/**
 * Exit code for an error reply: 2 when the request itself is wrong (an unknown method, or input with a
 * field named as invalid), 1 when the core refused or failed it.
 */
export function exitCodeFor(error: ApiErrorBody): 1 | 2 {
  if (error.code === 'unknown_method') return 2;
  return error.code === 'validation' && (error.issues?.length ?? 0) > 0 ? 2 : 1;
}

/** Calls one contract method; an error reply becomes UsageError or CommandFailed with the core's message. */
export async function runMethod<K extends MethodName>(
  core: Core,
  method: K,
  input: Input<K>,
): Promise<Output<K>> {
  const reply = await core.dispatch(method, input);
  if (reply.ok) return reply.value as Output<K>;
  throw exitCodeFor(reply.error) === 2
    ? new UsageError(reply.error.message)
    : new CommandFailed(reply.error.message);
}

/**
 * Opens the database's core for one command and closes it however the command ends. Import jobs run on the
 * core's own thread (`inline`) for commands that wait for them: the process has nothing else to answer, and
 * a worker would only add its start-up. `call` keeps the worker, so a job it starts outlives the core.
 */
export async function withCore<T>(
  db: string,
  use: (core: Core) => Promise<T>,
  importMode: 'inline' | 'worker' = 'inline',
): Promise<T> {
  const core = await createCore(db, { importMode });
  try {
    return await use(core);
  } finally {
    core.close();
  }
}

export const jsonFlags = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
