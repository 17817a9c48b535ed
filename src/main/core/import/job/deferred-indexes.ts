import type Database from 'better-sqlite3';
import { all, get, run } from '../../db/prepared';
import { writeTransaction } from '../../db/transaction';

/**
 * Indexes that a large import builds once at the end instead of row by row. Each keeps its rows in an order
 * unrelated to the file's (names, companies, dates), so a batch of 5000 rows touches thousands of their pages
 * and every commit rewrites them into the write-ahead log: on a million contacts that was most of the
 * import's time. Building an index afterwards is one sorted pass. The indexes dedupe reads stay, except the
 * contacts' e-mail and phone keys when the job holds them in memory instead (`write/key-map.ts`).
 */
const DEFERRABLE = {
  contacts: [
    'contacts_name_idx',
    'contacts_sort_name_idx',
    'contacts_created_idx',
    'contacts_company_idx',
    'contacts_touch_idx',
  ],
  // Every orders index but the natural key (source, external id), by which a re-import finds its orders.
  orders: [
    'orders_date_idx',
    'orders_utm_content_idx',
    'orders_touch_idx',
    'orders_contact_idx',
    'orders_campaign_idx',
    'orders_lead_idx',
    'orders_revenue_day_idx',
  ],
} as const;

/** The contacts' key indexes, deferred only while the job's key map answers dedupe. */
export const CONTACT_KEY_INDEXES = ['contacts_email_key_idx', 'contacts_phone_key_idx'] as const;

/** The indexes a large job of this kind may build at its end (none for most kinds). */
export function deferrableIndexes(kind: string): readonly string[] {
  return kind in DEFERRABLE ? DEFERRABLE[kind as keyof typeof DEFERRABLE] : [];
}

/** Files at least this big (about 40,000 contacts) are worth it; a small import keeps every index live. */
export const DEFER_INDEXES_BYTES = 4 << 20;

interface Deferred {
  name: string;
  sql: string;
}

/**
 * Drops the deferrable indexes for the job and records their definitions in the job's `options (`deferredIndexes`),
 * in one transaction: whatever happens next, the job row knows what to build again (`restoreIndexes`, also run
 * by recovery when a job was interrupted). Indexes already missing (another job deferred them) are left to
 * that job.
 */
export function deferIndexes(sqlite: Database.Database, jobId: string, names: readonly string[]): void {
  if (names.length === 0) return;
  writeTransaction(sqlite, () => {
    const found = all<Deferred>(
      sqlite,
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (SELECT value FROM json_each(?)) ORDER BY name`,
      JSON.stringify(names),
    );
    if (found.length === 0) return;
    const earlier = deferredOf(sqlite, jobId);
    run(
      sqlite,
      `UPDATE import_jobs SET options = json_set(coalesce(options, '{}'), '$.deferredIndexes', json(?)) WHERE id = ?`,
      JSON.stringify([...earlier, ...found]),
      jobId,
    );
    for (const index of found) sqlite.exec(`DROP INDEX "${index.name}"`);
  });
}

function deferredOf(sqlite: Database.Database, jobId: string): Deferred[] {
  const text = get<{ d: string | null }>(
    sqlite,
    `SELECT json_extract(options, '$.deferredIndexes') AS d FROM import_jobs WHERE id = ?`,
    jobId,
  )?.d;
  return text ? (JSON.parse(text) as Deferred[]) : [];
}

/** Builds again the indexes the job deferred (each in its own transaction) and clears the record. Idempotent. */
export function restoreIndexes(sqlite: Database.Database, jobId: string): void {
  const deferred = deferredOf(sqlite, jobId);
  if (deferred.length === 0) return;
  // The sorts that build them spill to temporary files, not to memory (the import's temp_store), so a million
  // rows do not add their index's size to the process's memory.
  const store = Number(sqlite.pragma('temp_store', { simple: true }));
  sqlite.pragma('temp_store = FILE');
  try {
    for (const index of deferred)
      sqlite.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
  } finally {
    sqlite.pragma(`temp_store = ${store}`);
  }
  run(
    sqlite,
    `UPDATE import_jobs SET options = json_remove(options, '$.deferredIndexes')
     WHERE id = ? AND json_extract(options, '$.deferredIndexes') IS NOT NULL`,
    jobId,
  );
}
