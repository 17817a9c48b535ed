import type Database from 'better-sqlite3';
import { uuidv7 } from '../../db/ids';
import { prepared } from '../../db/prepared';
import { CampaignResolver } from './campaigns';
import { CompanyResolver } from './companies';
import type { ContactKeyMap } from './key-map';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const emptyCounts = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * What an import changed in records it did not create, so undo can put them back. Rows the job inserts carry
 * its id and need no entry, except in tables without an import_job_id column (stage history).
 */
export class ChangeLog {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly jobId: string,
    private readonly now: () => string,
  ) {}

  private add(
    table: string,
    recordId: string,
    action: 'update' | 'insert' | 'delete',
    before: unknown,
  ): void {
    const at = this.now();
    prepared(
      this.sqlite,
      `INSERT INTO import_changes (id, job_id, table_name, record_id, action, before, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      uuidv7(),
      this.jobId,
      table,
      recordId,
      action,
      before === null ? null : JSON.stringify(before),
      at,
      at,
    );
  }

  /** `before` holds the changed columns (SQL names) as they were. */
  updated(table: string, recordId: string, before: Record<string, unknown>): void {
    this.add(table, recordId, 'update', before);
  }

  inserted(table: string, recordId: string): void {
    this.add(table, recordId, 'insert', null);
  }

  /** `row` is the whole row, so undo can insert it again. */
  deleted(table: string, recordId: string, row: Record<string, unknown>): void {
    this.add(table, recordId, 'delete', row);
  }
}

/** Something a writer wants said about one row without rejecting it (kept as a note on the job). */
export interface WriteNote {
  line: number;
  /** Our field name; the runner names the file's column. */
  field: string | null;
  message: string;
  /** A row the writer refused (counted as an error); a note otherwise. */
  error?: true;
}

/** Everything a kind's writer needs inside one batch transaction. */
export interface WriteContext {
  sqlite: Database.Database;
  jobId: string;
  source: string;
  now(): string;
  counts: Counts;
  changes: ChangeLog;
  campaigns: CampaignResolver;
  companies: CompanyResolver;
  /** Notes of the current batch, saved with its row problems. */
  notes: WriteNote[];
  /** The contacts' e-mail and phone keys in memory, for a large contacts import (write/key-map.ts). */
  contactKeys?: ContactKeyMap;
  /** Order and payment ids this run of the job wrote, with the row that wrote them first. */
  written: Map<string, number>;
}

export function createWriteContext(
  sqlite: Database.Database,
  jobId: string,
  source: string,
  now: () => string,
): WriteContext {
  return {
    sqlite,
    jobId,
    source,
    now,
    counts: emptyCounts(),
    changes: new ChangeLog(sqlite, jobId, now),
    campaigns: new CampaignResolver(sqlite, jobId, now),
    companies: new CompanyResolver(sqlite, jobId, now),
    notes: [],
    written: new Map(),
  };
}

/** Columns (SQL names) whose values differ, with their old values: the before-image of an update. */
export function changedColumns(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> | null {
  let before: Record<string, unknown> | null = null;
  for (const [column, value] of Object.entries(next)) {
    if (current[column] !== value) (before ??= {})[column] = current[column] ?? null;
  }
  return before;
}

/** `UPDATE table SET a = ?, b = ?, updated_at = ? WHERE id = ?` for the given columns (names are ours, not input). */
export function updateRow(
  sqlite: Database.Database,
  table: string,
  id: string,
  values: Record<string, unknown>,
  now: string,
): void {
  const columns = Object.keys(values);
  const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  prepared(sqlite, sql).run(...columns.map((c) => values[c]), now, id);
}
