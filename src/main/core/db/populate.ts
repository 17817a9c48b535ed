import type Database from 'better-sqlite3';
import { writeTransaction } from './transaction';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
}

/** Ordinary tables (not FTS shadow or virtual tables, not SQLite's or the migrator's own). */
export function dataTables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare(`PRAGMA table_list`).all() as { name: string; type: string; schema: string }[];
  return rows
    .filter(
      (r) =>
        r.schema === 'main' &&
        r.type === 'table' &&
        !r.name.startsWith('sqlite_') &&
        r.name !== '__drizzle_migrations',
    )
    .map((r) => r.name)
    .sort();
}

export function rowCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of dataTables(sqlite)) {
    counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return counts;
}

/**
 * Fills every table of whatever schema the database has with `perTable` rows, references pointing at real
 * parent rows. Migration tests use it to step a database to version N-1, populate it, migrate, and count.
 */
export function populateEveryTable(sqlite: Database.Database, perTable: number): void {
  const tables = dataTables(sqlite);
  const fks = new Map(
    tables.map((t) => [t, sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as ForeignKey[]]),
  );
  const done = new Set<string>();
  const order: string[] = [];
  // Parents before children; self-references and cycles fall back to nulls.
  while (order.length < tables.length) {
    const ready = tables.filter(
      (t) => !done.has(t) && (fks.get(t) ?? []).every((fk) => done.has(fk.table) || fk.table === t),
    );
    const next = ready.length > 0 ? ready : tables.filter((t) => !done.has(t)).slice(0, 1);
    for (const t of next) {
      done.add(t);
      order.push(t);
    }
  }
  writeTransaction(sqlite, () => {
    for (const table of order) {
      const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
      const refs = new Map((fks.get(table) ?? []).map((fk) => [fk.from, fk.table]));
      const parentIds = new Map<string, string[]>();
      for (const [column, parent] of refs) {
        const ids = (
          sqlite.prepare(`SELECT id FROM "${parent}" LIMIT ?`).all(perTable) as { id: string }[]
        ).map((r) => r.id);
        parentIds.set(column, ids);
      }
      const names = columns.map((c) => `"${c.name}"`).join(', ');
      const insert = sqlite.prepare(
        `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      for (let i = 0; i < perTable; i++) {
        insert.run(columns.map((c) => valueFor(table, c, i, parentIds.get(c.name))));
      }
    }
  });
}

function valueFor(table: string, column: Column, i: number, parents: string[] | undefined): unknown {
  if (parents) return parents.length > 0 ? parents[i % parents.length] : null;
  const type = column.type.toUpperCase();
  if (column.pk && type === 'TEXT')
    return `00000000-0000-7000-8000-${String(i).padStart(6, '0')}${table.length.toString(16).padStart(6, '0')}`;
  if (type.includes('INT'))
    return column.name.startsWith('is_') || column.name.startsWith('skip_') ? i % 2 : i + 1;
  if (type.includes('REAL') || type.includes('NUM')) return i + 0.5;
  if (/(_at|_date|^date)$/.test(column.name)) return new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
  return `${table}.${column.name}.${i}`;
}
