import { resolve } from 'node:path';
import { ImportKind, type ImportStart } from '@shared/api/imports';
import type { Core } from '@core/app';
import { parse, UsageError } from './args';
import { runMethod, withCore, type Command } from './command';

const flags = {
  json: { type: 'boolean' },
  as: { type: 'string' },
  preset: { type: 'string' },
  sheet: { type: 'string' },
  'time-zone': { type: 'string' },
  'date-order': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Ctrl+C cancels the job after its current batch (what was committed stays, resumable or undoable). */
function cancelOnInterrupt(core: Core): () => void {
  let jobId: string | null = null;
  let interrupted = false;
  const cancel = () => {
    if (jobId) void core.dispatch('imports.cancel', { id: jobId });
  };
  const unsubscribe = core.subscribe((event, payload) => {
    if (event !== 'import.progress' || jobId) return;
    jobId = (payload as { jobId: string }).jobId;
    if (interrupted) cancel();
  });
  const stop = () => {
    interrupted = true;
    cancel();
  };
  process.once('SIGINT', stop);
  return () => {
    process.off('SIGINT', stop);
    unsubscribe();
  };
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
    const dateOrder = order === 'DMY' || order === 'MDY' ? order : undefined;
    if (order !== undefined && !dateOrder) throw new UsageError('import: --date-order must be DMY or MDY.');
    const input: ImportStart = {
      path: resolve(positionals[0] ?? ''),
      kind: kind?.data,
      preset: values.preset,
      options: { sheet: values.sheet, timeZone: values['time-zone'], dateOrder },
    };
    const { job, errors, notes } = await withCore(db, async (core) => {
      const release = cancelOnInterrupt(core);
      try {
        return await runMethod(core, 'imports.run', input);
      } finally {
        release();
      }
    });
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
        jobId: job.id,
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
  },
};
