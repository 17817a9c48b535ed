import { parse, UsageError } from './args';
import { jsonFlags, runMethod, withCore, type Command } from './command';

export const demoCommand: Command = {
  summary: 'fill an empty database with the demo business',
  usage: 'tandem [--db FILE] demo [--scale N] [--json]',
  async run(args, db, io) {
    const { values } = parse(args, { ...jsonFlags, scale: { type: 'string' } }, 'demo');
    const scale = values.scale === undefined ? 1 : Number(values.scale);
    if (!Number.isInteger(scale) || scale < 1 || scale > 1000)
      throw new UsageError('demo: --scale must be a whole number from 1 to 1000.');
    const counts = await withCore(db, (core) => runMethod(core, 'workspace.demo', { scale }));
    io.out(
      values.json
        ? `${JSON.stringify({ db, ...counts })}\n`
        : `Demo workspace written to ${db}: ${counts.contacts} contacts, ${counts.leads} leads, ${counts.activities} activities, ${counts.orders} orders, ${counts.observations} daily metrics.\n`,
    );
    return 0;
  },
};
