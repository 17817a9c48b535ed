import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateContactsCsv, generateShopifyCsv } from '../tests/fixtures/import/generate';
import { builtChild } from './built-child';
import { atLeast, atMost, median, type Figure } from './figure';

const ROOT = resolve(import.meta.dirname, '..');
interface Measured {
  ms: number;
  cpuMs: number;
  rssMb: number;
  parseMs?: number;
  copyMs?: number;
  ftsMs?: number;
  indexMs?: number;
  job?: { status: string; rowsTotal: number; inserted: number; errorCount: number };
}

function removeDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
}

/**
 * One import, end state or floor in a fresh process and a fresh database, so RSS and caches start cold each
 * time. The job's database is kept (the end state is built from it); the caller removes it.
 */
function measure(
  mode: 'job' | 'floor' | 'endstate',
  file: string,
  dir: string,
  run: number,
  extra?: string,
): Measured & { db: string } {
  const db = join(dir, `${mode}-${run}.sqlite`);
  const child = spawnSync(process.execPath, [builtChild(), mode, db, file, ...(extra ? [extra] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 30 * 60_000,
  });
  if (mode !== 'job') removeDb(db);
  if (child.status !== 0) throw new Error(`bench import-child ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
  if (mode === 'job' && (result.job?.status !== 'done' || result.job.errorCount !== 0)) {
    throw new Error(
      `bench import of ${file} ended ${result.job?.status} with ${result.job?.errorCount} errors`,
    );
  }
  return { ...result, db };
}

async function scenario(
  name: string,
  file: string,
  rows: number,
  runs: number,
  dir: string,
  kind?: string,
): Promise<Figure[]> {
  const endRatios: number[] = [];
  const cpuRatios: number[] = [];
  const ratios: number[] = [];
  const rates: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run++) {
    const job = measure('job', file, dir, run, kind);
    let end: Measured;
    try {
      end = measure('endstate', file, dir, run, job.db);
    } finally {
      removeDb(job.db);
    }
    const floor = measure('floor', file, dir, run);
    endRatios.push(job.ms / end.ms);
    cpuRatios.push(job.cpuMs / end.cpuMs);
    ratios.push(job.ms / floor.ms);
    rates.push(rows / (job.ms / 1000));
    rss.push(job.rssMb);
    const s = (ms = 0) => `${(ms / 1000).toFixed(1)} s`;
    process.stderr.write(
      `  ${name} run ${run + 1}/${runs}: job ${s(job.ms)} (rss ${Math.round(job.rssMb)} MB); end state ${s(end.ms)} ` +
        `(parse ${s(end.parseMs)}, copy ${s(end.copyMs)}, fts ${s(end.ftsMs)}, indexes ${s(end.indexMs)}); bare table ${s(floor.ms)}; ` +
        `cpu job ${s(job.cpuMs)}, end state ${s(end.cpuMs)}\n`,
    );
  }
  return [
    atLeast(`import.${name}.rows_per_s`, median(rates), 'rows/s', null),
    atMost(`import.${name}.endstate_ratio`, median(endRatios), 'x', 1.5),
    atMost(`import.${name}.endstate_cpu_ratio`, median(cpuRatios), 'x', null),
    atMost(`import.${name}.ratio`, median(ratios), 'x', null),
    atMost(`import.${name}.rss_mb`, Math.max(...rss), 'MB', 300),
  ];
}

/**
 * Imports at scale through the real job path (imports.start → the built import worker, from a child bundled with the core; `npm run build`
 * first), each in a child process whose peak RSS is reported. `endstate_ratio` compares the job with the end
 * state it reached built in bulk, in the same run (`import-child.ts endstate`: one parse of the file, the
 * job's rows copied into tables of the same definitions without indexes or triggers, the search index filled
 * in one statement, the indexes created). `ratio` compares it with a bare table (the file's values inserted as
 * they are, no ids, keys, indexes or search), as information. One run of the million contacts by default
 * (TANDEM_BENCH_IMPORT_RUNS raises it); TANDEM_BENCH_IMPORTS=contacts_200k,… runs only the named scenarios.
 */
export async function benchImports(): Promise<Figure[]> {
  builtChild();
  const dir = join(tmpdir(), `tandem-bench-imports-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const wanted = process.env.TANDEM_BENCH_IMPORTS?.split(',');
  const runs = (name: string) => !wanted || wanted.includes(name);
  try {
    const bigRuns = Number(process.env.TANDEM_BENCH_IMPORT_RUNS ?? 1);
    const figures: Figure[] = [];
    if (runs('contacts_1m')) {
      const contacts = join(dir, 'contacts-1m.csv');
      await generateContactsCsv(contacts, 1_000_000, 1);
      figures.push(...(await scenario('contacts_1m', contacts, 1_000_000, bigRuns, dir, 'contacts')));
      rmSync(contacts, { force: true });
    }
    if (runs('contacts_200k')) {
      const contacts = join(dir, 'contacts-200k.csv');
      await generateContactsCsv(contacts, 200_000, 3);
      figures.push(...(await scenario('contacts_200k', contacts, 200_000, 3, dir, 'contacts')));
    }
    if (runs('shopify_100k')) {
      const shopify = join(dir, 'shopify-100k.csv');
      await generateShopifyCsv(shopify, 100_000, 2);
      figures.push(...(await scenario('shopify_100k', shopify, 100_000, 3, dir)));
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
