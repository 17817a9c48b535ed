import { resolve } from 'node:path';
import { parse, requireString } from './args';
import { jsonFlags, runMethod, withCore, type Command } from './command';

export const backupCommand: Command = {
  summary: 'write a consistent copy of the database',
  usage: 'tandem [--db FILE] backup --out FILE [--json]',
  async run(args, db, io) {
    const { values } = parse(args, { ...jsonFlags, out: { type: 'string' } }, 'backup');
    const out = resolve(requireString(values.out, '--out', 'backup'));
    const { counts } = await withCore(db, (core) => runMethod(core, 'system.backup', { path: out }));
    io.out(values.json ? `${JSON.stringify({ out, counts })}\n` : `Backup written to ${out}.\n`);
    return 0;
  },
};
