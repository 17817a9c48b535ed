import { resolve } from 'node:path';
import { ImportKind, type ImportJob, type ImportStart } from '@shared/api/imports';
import { KINDS } from '@shared/import/kinds';
import { startingMapping, withMappingChanges } from '@shared/import/mapping';
import type { Core } from '@core/app';
import { parse, UsageError } from './args';
import { runMethod, withCore, type Command, type Io } from './command';

/** Exit code of an import that stopped part-way: its whole batches are kept, to resume or undo. */
export const EXIT_PARTIAL = 3;

const flags = {
  json: { type: 'boolean' },
  as: { type: 'string' },
  preset: { type: 'string' },
  sheet: { type: 'string' },
  'time-zone': { type: 'string' },
  'date-order': { type: 'string' },
  'decimal-separator': { type: 'string' },
  map: { type: 'string', multiple: true },
  resume: { type: 'string' },
  undo: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Ctrl+C cancels the job after its current batch (what was committed stays, resumable or undoable). While
 * another import on the database goes first, the job waits its turn and says so once on stderr.
 */
function cancelOnInterrupt(core: Core, io: Io): () => void {
  let jobId: string | null = null;
  let interrupted = false;
  const cancel = () => {
    if (jobId) void core.dispatch('imports.cancel', { id: jobId });
  };
  const unsubscribe = core.subscribe((event, payload) => {
    if (event !== 'import.progress') return;
    const progress = payload as { jobId: string; status: string };
    if (progress.status === 'queued')
      io.err('Another import is running on this database; waiting for it to finish (Ctrl+C cancels)…\n');
    if (jobId) return;
    jobId = progress.jobId;
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
    'tandem [--db FILE] import FILE [--as KIND] [--preset NAME] [--map COLUMN=FIELD]... [--sheet NAME] [--time-zone ZONE]\n' +
    '        [--date-order DMY|MDY] [--decimal-separator .|,] [--json]\n' +
    '      tandem [--db FILE] import --resume JOB | --undo JOB\n' +
    '  --map changes the mapping one column at a time ("Mobile=phone"; "Fax=" leaves a column out); the file\n' +
    "  is then read as a generic export of its kind, even one Tandem recognises (from its preset's columns).",
  async run(args, db, io) {
    const { values, positionals } = parse(args, flags, 'import');
    if (values.resume !== undefined || values.undo !== undefined) {
      if (positionals.length > 0 || (values.resume !== undefined && values.undo !== undefined))
        throw new UsageError('import: --resume JOB and --undo JOB take a job id alone.');
      return continueJob(db, io, values.resume ?? values.undo ?? '', values.resume ? 'resume' : 'undo');
    }
    if (positionals.length !== 1) throw new UsageError('import: name exactly one file to import.');
    const kind = values.as === undefined ? undefined : ImportKind.safeParse(values.as);
    if (kind && !kind.success)
      throw new UsageError(`import: --as must be one of ${ImportKind.options.join(', ')}.`);
    const order = values['date-order'];
    const dateOrder = order === 'DMY' || order === 'MDY' ? order : undefined;
    if (order !== undefined && !dateOrder) throw new UsageError('import: --date-order must be DMY or MDY.');
    const decimalSeparator = decimalSeparatorOf(values['decimal-separator']);
    const overrides = mapOverrides(values.map ?? []);
    if (overrides.length > 0 && values.preset !== undefined)
      throw new UsageError('import: --map and --preset cannot be combined: a preset maps its own columns.');
    const input: ImportStart = {
      path: resolve(positionals[0] ?? ''),
      kind: kind?.data,
      preset: values.preset,
      options: { sheet: values.sheet, timeZone: values['time-zone'], dateOrder, decimalSeparator },
    };
    const { job, errors, notes, mapping, leftOut } = await withCore(db, async (core) => {
      const release = cancelOnInterrupt(core, io);
      try {
        const start = overrides.length > 0 ? await withOverrides(core, input, overrides) : input;
        return await runMethod(core, 'imports.run', start);
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
        mapping,
        leftOut,
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
      if (!job.preset) {
        const fields = KINDS[job.kind].fields;
        const read = Object.entries(mapping).map(
          ([column, field]) => `${column} → ${fields[field]?.label ?? field}`,
        );
        io.out(`  columns read: ${read.join(', ')}\n`);
        if (leftOut.length > 0) io.out(`  columns left out: ${leftOut.join(', ')}\n`);
      }
      if (job.status === 'done' && job.message) io.out(`  note: ${job.message}\n`);
      for (const n of notes.slice(0, 10))
        io.out(`  note, row ${n.row}${n.column ? `, ${n.column}` : ''}: ${n.message}\n`);
      for (const e of errors.slice(0, 20))
        io.out(`  error, row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}\n`);
      if (errors.length > 20) io.out(`  …and ${errors.length - 20} more errors.\n`);
      if (job.newCampaigns.length > 0)
        io.out(
          `New draft campaigns: ${job.newCampaigns.map((c) => `${c.name} (${c.trackingCode})`).join(', ')}\n`,
        );
    }
    return stoppedPartWay(job, db, io);
  },
};

function decimalSeparatorOf(value: string | undefined): '.' | ',' | undefined {
  if (value === undefined) return undefined;
  if (value === '.' || value === 'point') return '.';
  if (value === ',' || value === 'comma') return ',';
  throw new UsageError('import: --decimal-separator must be "." (point) or "," (comma).');
}

/** `--map COLUMN=FIELD` as [column, field] pairs; an empty field leaves the column out. */
function mapOverrides(values: readonly string[]): [string, string][] {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    if (at <= 0)
      throw new UsageError(`import: --map takes COLUMN=FIELD (e.g. "Mobile Phone=phone"), not "${value}".`);
    return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  });
}

/**
 * The import with the user's changes to the mapping the file would get as a generic export of its kind: what
 * its recognised layout or the mapping remembered for its header maps to plain fields, else the guess.
 */
async function withOverrides(
  core: Core,
  input: ImportStart,
  overrides: readonly [string, string][],
): Promise<ImportStart> {
  const inspection = await runMethod(core, 'imports.inspect', {
    path: input.path,
    sheet: input.options?.sheet,
  });
  const kind = input.kind ?? inspection.kind;
  if (!kind) throw new UsageError('import: with --map, say what the file holds with --as KIND.');
  const missing = overrides.find(([column]) => !inspection.columns.includes(column));
  if (missing)
    throw new UsageError(
      `import: the file has no column "${missing[0]}" (--map); its columns are ${inspection.columns.map((c) => `"${c}"`).join(', ')}.`,
    );
  return { ...input, kind, mapping: withMappingChanges(startingMapping(kind, inspection), overrides) };
}

/** 0 for a finished job; for one that stopped with rows kept, how to resume or undo it, and EXIT_PARTIAL. */
function stoppedPartWay(job: ImportJob, db: string, io: Io): number {
  if (job.status === 'done' || job.status === 'undone') return 0;
  const again = `tandem --db ${JSON.stringify(db)} import`;
  io.err(
    `${job.message ?? `The import is ${job.status}.`}\n` +
      `  resume: ${again} --resume ${job.id}\n  undo:   ${again} --undo ${job.id}\n`,
  );
  return EXIT_PARTIAL;
}

/**
 * `--resume JOB` / `--undo JOB`: runs the job on to its end here and prints how it ended. The import manager
 * ends every task it ran with one `data.changed` naming the domains imports write (more than `imports`).
 */
async function continueJob(db: string, io: Io, id: string, action: 'resume' | 'undo'): Promise<number> {
  const job = await withCore(db, async (core) => {
    let ended: () => void = () => undefined;
    const taskEnded = new Promise<void>((resolve) => (ended = resolve));
    const unsubscribe = core.subscribe((event, payload) => {
      if (event === 'data.changed' && (payload as { domains: string[] }).domains.includes('contacts'))
        ended();
    });
    const release = cancelOnInterrupt(core, io);
    try {
      await runMethod(core, action === 'resume' ? 'imports.resume' : 'imports.undo', { id });
      await taskEnded;
      return await runMethod(core, 'imports.get', { id });
    } finally {
      release();
      unsubscribe();
    }
  });
  io.out(
    `${job.fileName}: ${job.status}. ${job.rowsDone} rows: ${job.inserted} new, ${job.updated} updated, ` +
      `${job.unchanged} unchanged, ${job.skipped} skipped, ${job.errorCount} with errors.\n`,
  );
  return stoppedPartWay(job, db, io);
}
