import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ImportKind } from '@shared/api/imports';
import { createCore } from '@core/app';
import { tuneForImport } from '@core/import/job/recover';
import { NOTHING_IMPORTED, runJob } from '@core/import/job/runner';
import { jobRow, toJob } from '@core/import/job/store';
import { createImportJob } from '@core/import/service';
import { SetupError } from '@core/import/setup';
import { FileRejectedError } from '@core/import/read';
import { parse, UsageError } from './args';
import type { Command } from './commands';

const flags = {
  json: { type: 'boolean' },
  as: { type: 'string' },
  preset: { type: 'string' },
  sheet: { type: 'string' },
  'time-zone': { type: 'string' },
  'date-order': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Problem {
  row: number;
  column: string | null;
  message: string;
}

function problems(sqlite: Database.Database, jobId: string, severity: 'error' | 'note'): Problem[] {
  return sqlite
    .prepare(
      'SELECT row, column, message FROM import_row_errors WHERE job_id = ? AND severity = ? ORDER BY row, rowid',
    )
    .all(jobId, severity) as Problem[];
}

/** A file rejected midway leaves no trace at all: the job already rolled back its rows, and its record goes too. */
function forgetJob(sqlite: Database.Database, jobId: string): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM import_row_errors WHERE job_id = ?').run(jobId);
    sqlite.prepare('DELETE FROM import_changes WHERE job_id = ?').run(jobId);
    sqlite.prepare('DELETE FROM import_jobs WHERE id = ?').run(jobId);
  })();
}

export const importCommand: Command = {
  summary: 'import an export file (contacts, deals, orders, payments, marketing numbers)',
  usage:
    'tandem [--db FILE] import FILE [--as KIND] [--preset NAME] [--sheet NAME] [--time-zone ZONE] [--date-order DMY|MDY] [--json]',
  async run(args, db, io) {
    const { values, positionals } = parse(args, flags, 'import');
    if (positionals.length !== 1) throw new UsageError('import: name exactly one file to import.');
    const kind = values.as === undefined ? undefined : ImportKind.safeParse(values.as);
    if (kind && !kind.success)
      throw new UsageError(`import: --as must be one of ${ImportKind.options.join(', ')}.`);
    const order = values['date-order'];
    if (order !== undefined && order !== 'DMY' && order !== 'MDY')
      throw new UsageError('import: --date-order must be DMY or MDY.');
    const path = resolve(positionals[0] ?? '');
    const core = await createCore(db);
    const sqlite = core.connection.sqlite;
    try {
      let jobId: string;
      try {
        jobId = await createImportJob(core.ctx, {
          path,
          kind: kind?.data,
          preset: values.preset,
          options: { sheet: values.sheet, timeZone: values['time-zone'], dateOrder: order },
        });
      } catch (error) {
        if (error instanceof FileRejectedError || error instanceof SetupError) {
          io.err(`${error.message}\n`);
          return 1;
        }
        throw error;
      }
      tuneForImport(sqlite);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        await runJob(sqlite, jobId, { signal: controller.signal, now: core.ctx.nowIso });
      } finally {
        process.off('SIGINT', stop);
      }
      const row = jobRow(sqlite, jobId);
      if (!row) throw new Error('the import job vanished');
      if (row.status === 'failed' && (row.message ?? '').endsWith(NOTHING_IMPORTED)) {
        forgetJob(sqlite, jobId);
        io.err(`${row.message}\n`);
        return 1;
      }
      const job = toJob(sqlite, row);
      const errors = problems(sqlite, jobId, 'error');
      const notes = problems(sqlite, jobId, 'note');
      if (values.json) {
        const out = {
          status: job.status,
          kind: job.kind,
          preset: job.preset,
          rows: job.rowsTotal ?? job.rowsDone,
          inserted: job.inserted,
          updated: job.updated,
          skipped: job.skipped,
          errors,
          unchanged: job.unchanged,
          notes,
          newCampaigns: job.newCampaigns.map((c) => c.trackingCode),
          jobId,
        };
        io.out(`${JSON.stringify(out)}\n`);
      } else {
        const as = job.presetLabel ?? job.kind;
        io.out(
          `${job.fileName} (${as}): ${job.status}. ${job.rowsTotal ?? job.rowsDone} rows: ${job.inserted} new, ${job.updated} updated, ` +
            `${job.unchanged} unchanged, ${job.skipped} skipped, ${errors.length} with errors.\n`,
        );
        for (const n of notes.slice(0, 10)) io.out(`  note, row ${n.row}: ${n.message}\n`);
        for (const e of errors.slice(0, 20))
          io.out(`  error, row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}\n`);
        if (errors.length > 20) io.out(`  …and ${errors.length - 20} more errors.\n`);
        if (job.newCampaigns.length > 0)
          io.out(
            `New draft campaigns: ${job.newCampaigns.map((c) => `${c.name} (${c.trackingCode})`).join(', ')}\n`,
          );
        if (job.status !== 'done' && job.message) io.out(`${job.message}\n`);
      }
      return job.status === 'done' ? 0 : 1;
    } finally {
      core.close();
    }
  },
};
