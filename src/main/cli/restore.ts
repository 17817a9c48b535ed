import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, UsageError } from './args';
import { jsonFlags, runMethod, withCore, type Command } from './command';

export const restoreCommand: Command = {
  summary: 'replace the database with a checked backup (a safety copy of the current one goes to backups/)',
  usage: 'tandem [--db FILE] restore BACKUP [--json]',
  async run(args, db, io) {
    const { values, positionals } = parse(args, jsonFlags, 'restore');
    if (positionals.length !== 1) throw new UsageError('restore: name exactly one backup file.');
    const path = resolve(positionals[0] ?? '');
    // A database this command has to create first holds nothing worth keeping a copy of.
    const keepCurrent = existsSync(db);
    // The core swaps the verified copy in and reopens the file, which migrates an older backup at once.
    // A refusal (exit 1) leaves the database as it was.
    const { previous, counts } = await withCore(db, (core) =>
      runMethod(core, 'system.restore', { path, keepCurrent }),
    );
    io.out(
      values.json
        ? `${JSON.stringify({ db, previous, counts })}\n`
        : `Restored ${db}.${previous ? ` A safety copy of the database it replaced is ${previous}.` : ''}\n`,
    );
    return 0;
  },
};
