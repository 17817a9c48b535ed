import { uuidv7 } from '../../db/ids';
import { get, prepared } from '../../db/prepared';
import { changedColumns, updateRow, type WriteContext } from './context';

/** Tables these writers fill; the names are ours, never input. */
export type ListTable = 'companies' | 'activities' | 'campaigns' | 'spend_entries' | 'content_items';

export type Existing = Record<string, unknown> & {
  id: string;
  import_job_id: string | null;
  deleted_at: string | null;
  created_at: string;
};

/** The row with this id, live or deleted (a Tandem export's id names one record wherever it goes). */
export function byId(w: WriteContext, table: ListTable, id: string | null): Existing | undefined {
  return id === null ? undefined : get<Existing>(w.sqlite, `SELECT * FROM ${table} WHERE id = ?`, id);
}

export function note(w: WriteContext, line: number, field: string | null, message: string): void {
  w.notes.push({ line, field, message });
}

/**
 * Writes one record: a new row (keeping the exported id when it is free, so a second import of the same file
 * finds it) or an update of the row found. An update writes only values the file has (an empty cell never
 * clears a field) and keeps the earlier creation date; it logs the row's before-image for undo. A row the
 * user deleted is left deleted, with a note.
 */
export function upsert(
  w: WriteContext,
  table: ListTable,
  record: { line: number; id: string | null; createdAt: string | null },
  found: Existing | undefined,
  values: Record<string, unknown>,
): void {
  const at = w.now();
  if (!found) {
    const columns = Object.keys(values);
    prepared(
      w.sqlite,
      `INSERT INTO ${table} (id, ${columns.join(', ')}, import_job_id, created_at, updated_at)
       VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?, ?)`,
    ).run(record.id ?? uuidv7(), ...Object.values(values), w.jobId, record.createdAt ?? at, at);
    w.counts.inserted++;
    return;
  }
  if (found.deleted_at !== null) {
    note(w, record.line, null, 'this record was deleted in Tandem; it stays deleted');
    w.counts.unchanged++;
    return;
  }
  const next: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values))
    if (value !== null && value !== '') next[column] = value;
  if (record.createdAt && record.createdAt < found.created_at) next.created_at = record.createdAt;
  const before = changedColumns(found, next);
  if (!before) {
    w.counts.unchanged++;
    return;
  }
  if (found.import_job_id !== w.jobId) w.changes.updated(table, found.id, before);
  updateRow(w.sqlite, table, found.id, next, at);
  w.counts.updated++;
}
