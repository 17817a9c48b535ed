import { openTable } from './open-table';

/**
 * Reads every record of a file and reports throughput, for `npm run bench`. Megabytes are
 * 10^6 bytes of the file as stored (before decoding).
 */
export async function benchReader(path: string): Promise<{ rows: number; mbPerSec: number }> {
  const started = performance.now();
  const table = await openTable(path);
  let rows = 0;
  for await (const batch of table.records()) rows += batch.rows.length;
  const seconds = (performance.now() - started) / 1000;
  return { rows, mbPerSec: table.size / 1e6 / seconds };
}
