import type { CellValue, ColumnType } from './cells';

/**
 * One column of an export. `field` is the import field the "Tandem export" preset maps it to (`x.*` for
 * values only that preset's hook reads); columns without one are written for people and ignored on import.
 */
export interface ExportColumn<R> {
  header: string;
  type: ColumnType;
  field?: string;
  value(row: R): CellValue;
}

/** What one kind writes: its columns, how many rows the filter selects, and the rows themselves, streamed. */
export interface ExportSource<R = never> {
  columns: readonly ExportColumn<R>[];
  count(): number;
  rows(): Iterable<R>;
}

export function defineColumns<R>(columns: ExportColumn<R>[]): ExportColumn<R>[] {
  return columns;
}

/** Field → header of a kind's columns: the column map of its "Tandem export" import preset. */
export function presetColumns(
  columns: readonly { header: string; field?: string }[],
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const c of columns) if (c.field) map[c.field] = c.header;
  return map;
}

/** Reads a list service page by page (its own filter, its own order) for kinds kept small by nature. */
export function* paged<R>(
  page: (offset: number, limit: number) => { rows: R[] },
  limit: number,
): Iterable<R> {
  for (let offset = 0; ; offset += limit) {
    const { rows } = page(offset, limit);
    yield* rows;
    if (rows.length < limit) return;
  }
}

export const inPeriod = (day: string | null, period: { from: string; to: string } | undefined): boolean =>
  !period || (day !== null && day.slice(0, 10) >= period.from && day.slice(0, 10) <= period.to);

/** A small kind read whole from its list service: counted and written from one read. */
export function listed<R>(columns: readonly ExportColumn<R>[], load: () => R[]): ExportSource<R> {
  let rows: R[] | null = null;
  const all = () => (rows ??= load());
  return { columns, count: () => all().length, rows: all };
}
