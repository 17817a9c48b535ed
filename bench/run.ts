import { parseArgs } from 'node:util';
import type { Figure } from './figure';

/**
 * `npm run bench [-- --json] [-- --only NAME]`: generates its own data at scale with fixed seeds, runs each
 * suite and prints a table, or one JSON object per figure with --json.
 */
const suites: Record<string, () => Promise<Figure[]>> = {
  sales: async () => (await import('./sales')).benchSales(),
  imports: async () => (await import('./imports')).benchImports(),
  xlsx: async () => (await import('./xlsx')).benchXlsx(),
  results: async () => (await import('./results')).benchResults(),
  reports: async () => (await import('./reports')).benchReports(),
  exports: async () => (await import('./exports')).benchExports(),
};

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } } });
const selected = Object.entries(suites).filter(([name]) => !values.only || name === values.only);
if (selected.length === 0) {
  process.stderr.write(`No suite named "${values.only}". Suites: ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}

const all: Figure[] = [];
for (const [name, run] of selected) {
  if (!values.json) process.stdout.write(`Running ${name}…\n`);
  const figures = await run();
  all.push(...figures);
  for (const f of figures) {
    if (values.json) process.stdout.write(`${JSON.stringify(f)}\n`);
  }
}
if (!values.json) {
  const width = Math.max(...all.map((f) => f.name.length));
  process.stdout.write(`\n${'figure'.padEnd(width)}  ${'value'.padStart(12)}  unit    target  ok\n`);
  for (const f of all) {
    process.stdout.write(
      `${f.name.padEnd(width)}  ${String(f.value).padStart(12)}  ${f.unit.padEnd(6)}  ${String(f.target ?? '—').padStart(6)}  ${f.ok ? 'yes' : 'NO'}\n`,
    );
  }
}
process.exitCode = all.every((f) => f.ok) ? 0 : 1;
