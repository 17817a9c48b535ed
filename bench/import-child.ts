import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../src/main/core/app';
import { openTable } from '../src/main/core/import/read';
import { importManager } from '../src/main/core/import/worker/manager';

/**
 * One measured import in a process of its own, so its peak RSS is the importer's alone (not the generator's).
 * `job`: the file through the real job path (imports.start → import worker thread → batches, dedupe, indexes,
 * search index). `floor`: the same file read by the same reader, every row's values through one prepared
 * INSERT into a bare table of the same columns, in one transaction. Prints one JSON line.
 */
async function job(db: string, file: string, kind?: string): Promise<object> {
  const core = await createCore(db);
  const start = performance.now();
  const started = await core.dispatch('imports.start', { path: file, ...(kind ? { kind } : {}) });
  if (!started.ok) throw new Error(started.error.message);
  await importManager(core.ctx).idle();
  const ms = performance.now() - start;
  const id = (started.value as { id: string }).id;
  const result = await core.dispatch('imports.get', { id });
  core.close();
  if (!result.ok) throw new Error(result.error.message);
  return { ms, job: result.value };
}

async function floor(db: string, file: string): Promise<object> {
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const start = performance.now();
  const table = await openTable(file);
  sqlite.exec(`CREATE TABLE bare (${table.columns.map((_, i) => `c${i} text`).join(', ')})`);
  const insert = sqlite.prepare(`INSERT INTO bare VALUES (${table.columns.map(() => '?').join(', ')})`);
  const width = table.columns.length;
  let rows = 0;
  sqlite.exec('BEGIN');
  for await (const batch of table.records({ batchSize: 5000 })) {
    for (const row of batch.rows) {
      insert.run(row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? null));
      rows++;
    }
  }
  sqlite.exec('COMMIT');
  const ms = performance.now() - start;
  sqlite.close();
  return { ms, rows };
}

const [mode, db, file, kind] = process.argv.slice(2);
if (!db || !file) throw new Error('usage: import-child job|floor DB FILE [KIND]');
const result = mode === 'floor' ? await floor(db, file) : await job(db, file, kind);
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, rssMb })}\n`);
