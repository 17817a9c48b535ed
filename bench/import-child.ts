import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../src/main/core/app';
import { openTable } from '../src/main/core/import/read';
import { tuneForImport } from '../src/main/core/import/job/recover';
import { importManager } from '../src/main/core/import/worker/manager';

/**
 * One measured import in a process of its own, so its peak RSS is the importer's alone (not the generator's).
 * `job`: the file through the real job path (imports.start → import worker thread, the built one beside
 * this file's bundle → batches, dedupe, indexes, search index). The benches run this file bundled with the core
 * (`builtChild` in built-child.ts), as the app runs it. `floor`: the same file read by the same reader, every row's values through one prepared
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

/**
 * The end state the job reached, built in bulk (issue 12 §4): one parse of the file by Tandem's reader, then,
 * in a fresh database, every table the job's database holds rows in created from its own definition without
 * indexes or triggers and filled by one INSERT … SELECT each in one transaction, each FTS5 table filled in one
 * statement from the job's, and the job's indexes created. `parseMs` and `buildMs` are its two parts.
 */
async function endState(db: string, file: string, jobDb: string): Promise<object> {
  const start = performance.now();
  const table = await openTable(file);
  let rows = 0;
  for await (const batch of table.records({ batchSize: 5000 })) rows += batch.rows.length;
  const parseMs = performance.now() - start;

  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // The rows are the job's, already checked: no key is looked up again while copying.
  sqlite.pragma('foreign_keys = OFF');
  tuneForImport(sqlite);
  sqlite.prepare('ATTACH DATABASE ? AS job').run(jobDb);
  const schema = sqlite
    .prepare(
      `SELECT type, name, sql FROM job.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const fts = schema.filter((s) => s.type === 'table' && /^CREATE VIRTUAL TABLE .* USING fts5/is.test(s.sql));
  const shadow = (name: string) => fts.some((f) => name.startsWith(`${f.name}_`));
  const tables = schema.filter((s) => s.type === 'table' && !fts.includes(s) && !shadow(s.name));
  const indexes = schema.filter((s) => s.type === 'index' && !shadow(s.name));
  const buildStart = performance.now();
  for (const t of [...tables, ...fts]) sqlite.exec(t.sql);
  let copied = 0;
  sqlite.exec('BEGIN');
  for (const t of tables) {
    const filled = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM job."${t.name}") AS n`).get() as {
      n: number;
    };
    if (filled.n)
      copied += sqlite.prepare(`INSERT INTO main."${t.name}" SELECT * FROM job."${t.name}"`).run().changes;
  }
  sqlite.exec('COMMIT');
  const copyMs = performance.now() - buildStart;
  for (const f of fts) {
    const columns = (
      sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(f.name) as { name: string }[]
    )
      .map((c) => `"${c.name}"`)
      .join(', ');
    sqlite.exec(
      `INSERT INTO main."${f.name}" (rowid, ${columns}) SELECT rowid, ${columns} FROM job."${f.name}"`,
    );
  }
  const ftsMs = performance.now() - buildStart - copyMs;
  for (const index of indexes) sqlite.exec(index.sql);
  const buildMs = performance.now() - buildStart;
  sqlite.close();
  return {
    ms: parseMs + buildMs,
    parseMs,
    buildMs,
    copyMs,
    ftsMs,
    indexMs: buildMs - copyMs - ftsMs,
    rows,
    copied,
  };
}

const [mode, db, file, kind] = process.argv.slice(2);
if (!db || !file) throw new Error('usage: import-child job|floor|endstate DB FILE [KIND | JOB_DB]');
const result =
  mode === 'floor'
    ? await floor(db, file)
    : mode === 'endstate'
      ? await endState(db, file, kind ?? '')
      : await job(db, file, kind);
const usage = process.resourceUsage();
// CPU time of all the process's threads: steadier than wall time on a loaded machine.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(`${JSON.stringify({ ...result, cpuMs, rssMb: usage.maxRSS / 1024 })}\n`);
