import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, UsageError } from './args';
import { jsonFlags, runMethod, withCore, type Command } from './command';

export const restoreCommand: Command = {
  summary: 'replace the database with a backup (the current one is kept beside it)',
  usage: 'tandem [--db FILE] restore BACKUP [--json]',
  async run(args, db, io) {
    const { values, positionals } = parse(args, jsonFlags, 'restore');
    if (positionals.length !== 1) throw new UsageError('restore: name exactly one backup file.');
    const path = resolve(positionals[0] ?? '');
    // A database this command has to create first holds nothing worth keeping a copy of.
    const keepCurrent = existsSync(db);
    // `system.restore` writes the backup into the open database; the core is closed right after, and opening
    // it once more migrates an older backup now rather than at the app's next start.
    const { previous, counts } = await withCore(db, (core) =>
      runMethod(core, 'system.restore', { path, keepCurrent }),
    );
    await withCore(db, async () => undefined);
    io.out(
      values.json
        ? `${JSON.stringify({ db, previous, counts })}\n`
        : `Restored ${db}.${previous ? ` The database it replaced was kept as ${previous}.` : ''}\n`,
    );
    return 0;
  },
};
