import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateContactsCsv, generateShopifyCsv } from '../tests/fixtures/import/generate';
import { atLeast, atMost, median, type Figure } from './figure';

const ROOT = resolve(import.meta.dirname, '..');

interface Measured {
  ms: number;
  rssMb: number;
  job?: { status: string; rowsTotal: number; inserted: number; errorCount: number };
}

/** One import (or floor) in a fresh process and a fresh database, so RSS and caches start cold each time. */
function measure(mode: 'job' | 'floor', file: string, dir: string, run: number, kind?: string): Measured {
  const db = join(dir, `${mode}-${run}.sqlite`);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/import-child.ts'), mode, db, file, ...(kind ? [kind] : [])],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      timeout: 30 * 60_000,
    },
  );
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  if (child.status !== 0) throw new Error(`bench import-child ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
  if (mode === 'job' && (result.job?.status !== 'done' || result.job.errorCount !== 0)) {
    throw new Error(
      `bench import of ${file} ended ${result.job?.status} with ${result.job?.errorCount} errors`,
    );
  }
  return result;
}

async function scenario(
  name: string,
  file: string,
  rows: number,
  runs: number,
  dir: string,
  kind?: string,
): Promise<Figure[]> {
  const ratios: number[] = [];
  const rates: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run++) {
    const job = measure('job', file, dir, run, kind);
    const floor = measure('floor', file, dir, run);
    ratios.push(job.ms / floor.ms);
    rates.push(rows / (job.ms / 1000));
    rss.push(job.rssMb);
    process.stderr.write(
      `  ${name} run ${run + 1}/${runs}: job ${Math.round(job.ms)} ms, floor ${Math.round(floor.ms)} ms, rss ${Math.round(job.rssMb)} MB\n`,
    );
  }
  return [
    atLeast(`import.${name}.rows_per_s`, median(rates), 'rows/s', null),
    atMost(`import.${name}.ratio`, median(ratios), 'x', 2.5),
    atMost(`import.${name}.rss_mb`, Math.max(...rss), 'MB', 300),
  ];
}

/**
 * Imports at scale through the real job path (imports.start → import worker), each in a child process whose
 * peak RSS is reported. The ratio compares the job with a floor measured in the same run: the same file read
 * by the same reader and every row inserted as it is into a bare table (no ids, keys, indexes or search).
 * One run of the million contacts by default (about a minute each); TANDEM_BENCH_IMPORT_RUNS raises it.
 */
export async function benchImports(): Promise<Figure[]> {
  const dir = join(tmpdir(), `tandem-bench-imports-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const contacts = join(dir, 'contacts-1m.csv');
    await generateContactsCsv(contacts, 1_000_000, 1);
    const shopify = join(dir, 'shopify-100k.csv');
    await generateShopifyCsv(shopify, 100_000, 2);
    const bigRuns = Number(process.env.TANDEM_BENCH_IMPORT_RUNS ?? 1);
    return [
      ...(await scenario('contacts_1m', contacts, 1_000_000, bigRuns, dir, 'contacts')),
      ...(await scenario('shopify_100k', shopify, 100_000, 3, dir)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
