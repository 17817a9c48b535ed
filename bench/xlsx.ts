import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeContactsXlsx } from '../tests/fixtures/import/xlsx-writer';
import { builtChild } from './built-child';
import { atLeast, atMost, type Figure } from './figure';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = 1_000_000;

interface Measured {
  ms: number;
  rssMb: number;
  rows?: number;
  job?: { status: string; rowsTotal: number; errorCount: number };
}

function measure(mode: 'job' | 'floor', file: string, dir: string): Measured {
  const db = join(dir, `${mode}.sqlite`);
  const args = [builtChild(), mode, db, file, 'contacts'];
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 30 * 60_000,
  });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  if (child.status !== 0) throw new Error(`bench import-child ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
}

/**
 * The million generated contacts as a workbook (shared strings, date-time cells, made by a streaming zip
 * writer into a temporary folder) imported through the real job path (the built import worker, as in
 * imports.ts) in a child process of its own: peak RSS of that process (core and import worker) and rows per
 * second. The floor is the same workbook read by the same reader into a bare table, so the XML's share of the
 * time shows.
 */
export async function benchXlsx(): Promise<Figure[]> {
  builtChild();
  const dir = join(tmpdir(), `tandem-bench-xlsx-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, 'contacts-1m.xlsx');
    await writeContactsXlsx(file, ROWS, 1);
    const job = measure('job', file, dir);
    if (job.job?.status !== 'done' || job.job.rowsTotal !== ROWS)
      throw new Error(`bench import of ${file} ended ${job.job?.status} with ${job.job?.rowsTotal} rows`);
    const floor = measure('floor', file, dir);
    process.stderr.write(
      `  xlsx_1m: job ${Math.round(job.ms)} ms, rss ${Math.round(job.rssMb)} MB; read into a bare table ${Math.round(floor.ms)} ms, rss ${Math.round(floor.rssMb)} MB\n`,
    );
    return [
      atMost('import.xlsx_1m.rss_mb', job.rssMb, 'MB', 300),
      atLeast('import.xlsx_1m.rows_per_s', ROWS / (job.ms / 1000), 'rows/s', null),
      atLeast('import.xlsx_1m.read_rows_per_s', ROWS / (floor.ms / 1000), 'rows/s', null),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
