import { resolve } from 'node:path';
import { createCore } from '@core/app';
import { generateDemo } from '@core/demo/generate';
import { markInitialized } from '@core/settings/service';
import { workspaceStatus } from '@core/workspace/status';
import { parse, requireString, UsageError } from './args';
import { backupDatabase, restoreDatabase } from './backup';
import { importCommand } from './import';
import { inspectCommand } from './inspect';
import { reportCommand } from './report';
import { summaryCommand } from './summary';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], db: string, io: Io): Promise<number>;
}

const json = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export const commands: Record<string, Command> = {
  import: importCommand,
  inspect: inspectCommand,
  summary: summaryCommand,
  report: reportCommand,
  demo: {
    summary: 'fill an empty database with the demo business',
    usage: 'tandem [--db FILE] demo [--scale N] [--json]',
    async run(args, db, io) {
      const { values } = parse(args, { ...json, scale: { type: 'string' } }, 'demo');
      const scale = values.scale === undefined ? 1 : Number(values.scale);
      if (!Number.isInteger(scale) || scale < 1 || scale > 1000)
        throw new UsageError('demo: --scale must be a whole number from 1 to 1000.');
      const core = await createCore(db);
      try {
        const before = workspaceStatus(core.ctx);
        if (Object.values(before.counts).some((n) => n > 0)) {
          io.err(`demo: ${db} already holds records; the demo only fills an empty database.\n`);
          return 1;
        }
        const counts = core.connection.sqlite.transaction(() => {
          const result = generateDemo(core.ctx, { scale });
          markInitialized(core.ctx);
          return result;
        })();
        io.out(
          values.json
            ? `${JSON.stringify({ db, ...counts })}\n`
            : `Demo workspace written to ${db}: ${counts.contacts} contacts, ${counts.leads} leads, ${counts.activities} activities, ${counts.orders} orders, ${counts.observations} daily metrics.\n`,
        );
        return 0;
      } finally {
        core.close();
      }
    },
  },
  backup: {
    summary: 'write a consistent copy of the database',
    usage: 'tandem [--db FILE] backup --out FILE [--json]',
    async run(args, db, io) {
      const { values } = parse(args, { ...json, out: { type: 'string' } }, 'backup');
      const out = resolve(requireString(values.out, '--out', 'backup'));
      const counts = await backupDatabase(db, out);
      io.out(values.json ? `${JSON.stringify({ out, counts })}\n` : `Backup written to ${out}.\n`);
      return 0;
    },
  },
  restore: {
    summary: 'replace the database with a backup (the current one is kept beside it)',
    usage: 'tandem [--db FILE] restore BACKUP [--json]',
    async run(args, db, io) {
      const { values, positionals } = parse(args, json, 'restore');
      if (positionals.length !== 1) throw new UsageError('restore: name exactly one backup file.');
      const { counts, previous } = await restoreDatabase(db, resolve(positionals[0] ?? ''), io.now());
      io.out(
        values.json
          ? `${JSON.stringify({ db, previous, counts })}\n`
          : `Restored ${db}.${previous ? ` The database it replaced was kept as ${previous}.` : ''}\n`,
      );
      return 0;
    },
  },
};
