import { api, isMethodName, type MethodName } from '@shared/api';
import type { EventName } from '@shared/contract/events';
import { ApiError, type Result } from '@shared/contract/result';
import { validationError } from '@shared/contract/validate';
import { systemClock, type Clock, type Ctx } from './context';
import { openDatabase, type Connection, type OpenOptions } from './db/open';
import { SchemaTooNewError } from './db/migrate';
import { handlers, type Handler } from './handlers';
import { ensureWorkspaceDefaults } from './workspace/defaults';
import { recover as recoverImports } from './import/service';
import { useImportMode, type ImportMode } from './import/worker/manager';
import { forgetOtherRulesMonths } from './results/result-days';
import { carryFileAccess, grantFile, useFileAccess, type FileAccessMode, type FileUse } from './files';

export type CoreListener = (event: EventName, payload: unknown) => void;

export interface Core {
  /** Validates the method name and input, runs the handler, and never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreListener): () => void;
  readonly connection: Connection;
  readonly ctx: Ctx;
  /** Lets the methods use a path the user chose in a dialog of the shell (see `files.ts`). */
  grantFile(path: string, use: FileUse): void;
  close(): void;
}

export interface CoreOptions extends OpenOptions {
  clock?: Clock;
  /** Where unexpected errors are reported (the shell logs them; tests may collect them). */
  onInternalError?: (error: unknown, method: string) => void;
  /**
   * Parse every handler's output with its method's output schema (tests and the e2e host turn it on): a row
   * whose column was renamed, or a number that arrives as text, fails a test instead of reaching a user.
   */
  checkOutput?: boolean;
  /** How import jobs run; the default is the import worker thread (`TANDEM_IMPORT_MODE=inline` for tests). */
  importMode?: ImportMode;
  /** Which paths methods may open; the desktop app and the browser host use `granted`. */
  fileAccess?: FileAccessMode;
}

/** A handler answered with a value its method's output schema refuses: a bug in the core, not the caller's. */
export class OutputMismatchError extends Error {
  override readonly name = 'OutputMismatchError';
  constructor(
    readonly method: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(
      `The output of ${method} does not match its schema: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    );
  }
}

export async function createCore(file: string, options: CoreOptions = {}): Promise<Core> {
  let connection = await openDatabase(file, options);
  const clock = options.clock ?? systemClock;
  const listeners = new Set<CoreListener>();
  const ctx: Ctx = {
    db: connection.db,
    sqlite: connection.sqlite,
    clock,
    nowIso: () => clock.now().toISOString(),
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
  };
  const prepare = () => {
    if (options.importMode) useImportMode(ctx, options.importMode);
    if (options.fileAccess) useFileAccess(ctx, options.fileAccess);
    ensureWorkspaceDefaults(ctx);
    forgetOtherRulesMonths(ctx);
    // An import left `running` by a process that died is marked interrupted (resumable or undoable) at open.
    recoverImports(ctx);
  };
  prepare();
  // A restore swaps the file: the connection closes, and the one opened after it starts like a new core's,
  // keeping the files chosen in dialogs before the restore.
  ctx.replaceDatabase = async (swap) => {
    const previous = connection.sqlite;
    connection.close();
    try {
      swap();
    } finally {
      connection = await openDatabase(file, options);
      ctx.db = connection.db;
      ctx.sqlite = connection.sqlite;
      carryFileAccess(previous, ctx);
      prepare();
    }
  };
  const report =
    options.onInternalError ?? ((error, method) => console.error(`[tandem] ${method} failed`, error));

  // While a restore runs, every other call waits for it: a write between its safety copy and the swap would
  // be lost, and a read during the swap would find the connection closed.
  let restoring: Promise<unknown> | null = null;

  async function dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (method === 'system.restore' || method === 'system.backups.restore') {
      while (restoring) await restoring;
      const run = answer(method, input);
      restoring = run;
      try {
        return await run;
      } finally {
        restoring = null;
      }
    }
    while (restoring) await restoring;
    return answer(method, input);
  }

  async function answer(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Unknown method "${String(method)}".` },
      };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, `input for ${method}`) };
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const value = await handler(parsed.data as never, ctx);
      if (options.checkOutput) {
        // Only checked, never replaced: callers get exactly what they get with the check off.
        const checked = spec.output.safeParse(value);
        if (!checked.success)
          throw new OutputMismatchError(
            method,
            checked.error.issues.map((i) => ({
              field: i.path.map(String).join('.') || '(output)',
              message: i.message,
            })),
          );
      }
      if (spec.mutates) ctx.emit('data.changed', { domains: [method.split('.')[0] ?? method] });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      if (error instanceof SchemaTooNewError)
        return { ok: false, error: { code: 'schema_too_new', message: error.message } };
      report(error, method);
      if (error instanceof OutputMismatchError)
        return { ok: false, error: { code: 'internal', message: error.message, issues: error.issues } };
      return {
        ok: false,
        error: { code: 'internal', message: `Tandem could not complete ${method}; nothing was changed.` },
      };
    }
  }

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get connection() {
      return connection;
    },
    ctx,
    grantFile: (path, use) => grantFile(ctx, path, use),
    close: () => connection.close(),
  };
}
