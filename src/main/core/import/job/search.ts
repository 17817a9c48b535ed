import type Database from 'better-sqlite3';
import { get, run } from '../../db/prepared';
import { writeTransaction } from '../../db/transaction';

/**
 * Contacts and companies a running job inserts skip the per-row search trigger (migration 0004); the job
 * adds them to the search index here, in bulk, when it stops for any reason (or when an interrupted job is
 * found). Idempotent: rows that already have a search entry are left alone. The expressions are those of the
 * search triggers in migration 0002.
 */
const KINDS = [
  {
    table: 'contacts',
    kind: 'contact',
    low: 3298534883328,
    high: 4398046511104,
    title: `coalesce(nullif(trim(t.first_name || ' ' || t.last_name), ''), t.email, '')`,
    body: `concat_ws(' ', t.email, t.phone, t.title, t.city, t.region, t.notes)`,
  },
  {
    table: 'companies',
    kind: 'company',
    low: 4398046511104,
    high: 5497558138880,
    title: 't.name',
    body: `concat_ws(' ', t.domain, t.website, t.phone, t.notes)`,
  },
] as const;

/**
 * Rows per transaction, so indexing a million contacts never builds one huge write-ahead log, and each
 * transaction holds the write lock for a fraction of a second: the core's own edits wait for it. Measured on
 * 200,000 contacts (3 runs each): 10,000 rows 2.6–2.9 s, 25,000 rows 2.4–2.45 s, 50,000 rows 3.2–3.6 s and one
 * transaction 2.9–3.7 s (FTS5 flushes its pending terms more often than that, and the small import cache spills).
 */
const CHUNK = 25_000;

/** FTS5's defaults: merge segments incrementally as rows are written; flush pending terms at 1 MiB. */
const AUTOMERGE_DEFAULT = 4;
const HASHSIZE_DEFAULT = 1 << 20;

/**
 * Pending terms held in memory before FTS5 writes them out as a segment, while a job indexes its rows. On
 * 200,000 contacts (`indexJobForSearch` alone on a copy, alternating runs): 2.3–3.0 s with the default 1 MiB,
 * 2.0–2.6 s with 8 MiB (0.13–0.53 s less in each pair), 2.6–2.7 s with 4 MiB and no better with 16 or 32 MiB.
 */
const BULK_HASHSIZE = 8 << 20;

const setConfig = (sqlite: Database.Database, key: string, value: number) =>
  run(sqlite, `INSERT INTO search_index (search_index, rank) VALUES ('${key}', ${value})`);

export function indexJobForSearch(sqlite: Database.Database, jobId: string): number {
  // Merging segments while a bulk insert is still writing them costs a quarter of the time; later writes
  // merge them as usual once the default is back (a crash in between only leaves more, smaller segments,
  // and a larger buffer for the next writes until a job or recovery indexes again).
  setConfig(sqlite, 'automerge', 0);
  setConfig(sqlite, 'hashsize', BULK_HASHSIZE);
  try {
    return indexRows(sqlite, jobId);
  } finally {
    setConfig(sqlite, 'hashsize', HASHSIZE_DEFAULT);
    setConfig(sqlite, 'automerge', AUTOMERGE_DEFAULT);
  }
}

function indexRows(sqlite: Database.Database, jobId: string): number {
  let indexed = 0;
  for (const k of KINDS) {
    // Whole-table pass in rowid ranges: rowids of deleted rows can be reused, so no lower bound is safe.
    let from = 0;
    for (;;) {
      // The range's upper rowid, so each chunk reads only its own rows.
      const upper =
        get<{ r: number }>(
          sqlite,
          `SELECT rowid AS r FROM ${k.table} WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ${CHUNK - 1}`,
          from,
        )?.r ?? Number.MAX_SAFE_INTEGER;
      indexed += writeTransaction(sqlite, () => {
        const before =
          get<{ m: number }>(
            sqlite,
            `SELECT coalesce(max(id), ${k.low}) AS m FROM search_refs WHERE id >= ${k.low} AND id < ${k.high}`,
          )?.m ?? k.low;
        // Both statements number the same rows in the same order, so the index rows and their refs line up
        // without looking each ref up again; soft-deleted rows get a ref but no index row, as in the trigger.
        const rowsOf = `FROM ${k.table} t WHERE t.rowid > ? AND t.rowid <= ? AND t.import_job_id = ?
          AND NOT EXISTS (SELECT 1 FROM search_refs r WHERE r.ref_id = t.id)`;
        run(
          sqlite,
          `INSERT INTO search_index (rowid, title, body)
           SELECT id, title, body FROM (SELECT ? + row_number() OVER (ORDER BY t.rowid) AS id, ${k.title} AS title,
             ${k.body} AS body, t.deleted_at ${rowsOf}) WHERE deleted_at IS NULL`,
          before,
          from,
          upper,
          jobId,
        );
        return run(
          sqlite,
          `INSERT INTO search_refs (id, kind, ref_id) SELECT ? + row_number() OVER (ORDER BY t.rowid), '${k.kind}', t.id ${rowsOf}`,
          before,
          from,
          upper,
          jobId,
        ).changes;
      });
      if (upper === Number.MAX_SAFE_INTEGER) break;
      from = upper;
    }
  }
  return indexed;
}
