import type Database from 'better-sqlite3';
import { all, get, run } from '../../db/prepared';
import { JOB_TABLES, jobRow, setStatus } from './store';
import { writeTransaction } from '../../db/transaction';
import type { importChanges } from '../../db/schema';
import type { SqlRow } from '../../db/typed';

const CHUNK = 5000;
/** Rows a job deletes along with its own rows, though they carry no job id (a deal's stage history). */
const OWNED: Record<string, { table: string; column: string }[]> = {
  leads: [{ table: 'lead_stage_history', column: 'lead_id' }],
};
const RESTORABLE = new Set<string>([...JOB_TABLES, 'lead_stage_history']);

interface Reference {
  child: string;
  column: string;
}

/** Who points at rows of each table, from the schema itself so new tables are covered without code changes. */
function referencesTo(sqlite: Database.Database): Map<string, Reference[]> {
  const rows = all<{ child: string; col: string; parent: string }>(
    sqlite,
    `SELECT m.name AS child, f."from" AS col, f."table" AS parent
     FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
  );
  const map = new Map<string, Reference[]>();
  for (const r of rows) map.set(r.parent, [...(map.get(r.parent) ?? []), { child: r.child, column: r.col }]);
  return map;
}

function columnsOf(sqlite: Database.Database, table: string): Set<string> {
  return new Set(
    all<{ name: string }>(sqlite, `SELECT name FROM pragma_table_info(?)`, table).map((c) => c.name),
  );
}

/** Puts back what the job changed in records it did not create, newest change first. */
function restoreChanges(
  sqlite: Database.Database,
  jobId: string,
  now: string,
  onRows: (n: number) => void,
): void {
  const columns = new Map<string, Set<string>>();
  const known = (table: string) => {
    let set = columns.get(table);
    if (!set) columns.set(table, (set = columnsOf(sqlite, table)));
    return set;
  };
  for (;;) {
    const batch = all<
      SqlRow<typeof importChanges, 'table_name' | 'record_id' | 'action' | 'before'> & { seq: number }
    >(
      sqlite,
      'SELECT rowid AS seq, table_name, record_id, action, before FROM import_changes WHERE job_id = ? ORDER BY rowid DESC LIMIT ?',
      jobId,
      CHUNK,
    );
    if (batch.length === 0) return;
    writeTransaction(sqlite, () => {
      for (const change of batch) {
        const table = change.table_name;
        if (!RESTORABLE.has(table)) throw new Error(`import change for unknown table ${table}`);
        const values = JSON.parse(change.before ?? '{}') as Record<string, unknown>;
        const names = Object.keys(values).filter((c) => known(table).has(c));
        if (change.action === 'insert') run(sqlite, `DELETE FROM ${table} WHERE id = ?`, change.record_id);
        else if (change.action === 'delete' && names.length > 0) {
          run(
            sqlite,
            `INSERT OR IGNORE INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
            ...names.map((c) => values[c]),
          );
        } else if (change.action === 'update' && names.length > 0) {
          run(
            sqlite,
            `UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
            ...names.map((c) => values[c]),
            now,
            change.record_id,
          );
        }
        run(sqlite, 'DELETE FROM import_changes WHERE rowid = ?', change.seq);
      }
    });
    onRows(batch.length);
  }
}

/**
 * Takes back everything a job wrote: restores updated records from their before-images, then deletes the
 * rows it inserted (children first). A row something else now points at (a lead the user added to an imported
 * contact) is soft-deleted instead, so nothing of the user's breaks. Works in chunks and is idempotent, so an
 * undo that was interrupted can simply run again.
 */
export function undoWrites(
  sqlite: Database.Database,
  jobId: string,
  now: () => string,
  onRows: (n: number) => void = () => {},
): void {
  if (!jobRow(sqlite, jobId)) return;
  restoreChanges(sqlite, jobId, now(), onRows);
  const refs = referencesTo(sqlite);
  for (const table of JOB_TABLES) {
    const owned = OWNED[table] ?? [];
    const others = (refs.get(table) ?? []).filter(
      (r) => !owned.some((o) => o.table === r.child) && r.child !== table,
    );
    const referenced = others.length
      ? others.map((r) => `EXISTS (SELECT 1 FROM ${r.child} c WHERE c.${r.column} = t.id)`).join(' OR ')
      : '0';
    const softDelete = columnsOf(sqlite, table).has('deleted_at');
    // One pass over the table in rowid ranges (rowids of deleted rows can be reused, so none can be skipped).
    let from = 0;
    for (;;) {
      const upper =
        get<{ r: number }>(
          sqlite,
          `SELECT rowid AS r FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ${CHUNK - 1}`,
          from,
        )?.r ?? Number.MAX_SAFE_INTEGER;
      const range = `t.rowid > ? AND t.rowid <= ? AND t.import_job_id = ?`;
      const removed = writeTransaction(sqlite, () => {
        for (const o of owned) {
          run(
            sqlite,
            `DELETE FROM ${o.table} WHERE ${o.column} IN (SELECT t.id FROM ${table} t WHERE ${range} AND NOT (${referenced}))`,
            from,
            upper,
            jobId,
          );
        }
        if (softDelete) {
          const at = now();
          run(
            sqlite,
            `UPDATE ${table} AS t SET deleted_at = ?, updated_at = ? WHERE ${range} AND t.deleted_at IS NULL AND (${referenced})`,
            at,
            at,
            from,
            upper,
            jobId,
          );
        }
        return run(
          sqlite,
          `DELETE FROM ${table} WHERE rowid IN (SELECT t.rowid FROM ${table} t WHERE ${range} AND NOT (${referenced}))`,
          from,
          upper,
          jobId,
        ).changes;
      });
      onRows(removed);
      if (upper === Number.MAX_SAFE_INTEGER) break;
      from = upper;
    }
  }
}

/** Undoes a whole job (see undoWrites) and marks it undone. */
export function undoJob(
  sqlite: Database.Database,
  jobId: string,
  now: () => string,
  onRows?: (n: number) => void,
): void {
  setStatus(sqlite, jobId, 'undoing', now());
  undoWrites(sqlite, jobId, now, onRows);
  setStatus(
    sqlite,
    jobId,
    'undone',
    now(),
    'Undone: the records this import added were removed and the ones it changed were restored.',
  );
}
