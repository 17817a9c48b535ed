import { performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core/app';

/**
 * One measured export in a process of its own, so its peak RSS is the exporter's alone (not the generator's):
 * `exports.csv` of every contact through the core's dispatch, as `tandem export contacts` runs it.
 */
const [db, out] = process.argv.slice(2);
if (!db || !out) throw new Error('usage: export-child DB OUT.csv');
const core = await createCore(db);
const start = performance.now();
const reply = await core.dispatch('exports.csv', {
  selection: { kind: 'contacts' },
  destination: { to: 'file', path: out },
});
const ms = performance.now() - start;
core.close();
if (!reply.ok) throw new Error(reply.error.message);
const { rows, bytes } = reply.value as { rows: number; bytes: number };
process.stdout.write(
  `${JSON.stringify({ ms, rows, bytes, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
