import type { ImportKind } from '@shared/api/imports';
import type { FieldRow } from '../build/row';
import type { DateOrder } from '../read';
import type { AnyRecord, SourceRow, ValueOptions } from '../records';

/**
 * A known export. Its header is recognised by `identify`, its columns are mapped to the kind's fields (plus
 * `x.*` fields only the preset's hooks read), and the hooks turn what the export means into our records.
 */
export interface Preset<R extends AnyRecord = AnyRecord> {
  name: string;
  label: string;
  kind: ImportKind;
  /** Kept on records as their source, and part of the natural key of orders, payments and metrics. */
  source: string;
  /** Columns that must all be there; a pattern matches variants such as "Amount spent (EUR)". */
  identify: (string | RegExp)[];
  /** Field (or `x.name`) → the column holding it. Columns the file lacks are simply not mapped. */
  columns: Record<string, string | RegExp>;
  /**
   * Field → the headers of further columns that hold more values of it than the one mapped (`FieldRow.texts`):
   * an export that numbers as many columns as its fullest record needs (Google's `Phone 3 - Value` and on).
   * The contacts builder reads those of `phone2`; `adjust` reads any others. None is listed as left out.
   */
  further?: Record<string, RegExp>;
  /** Fixed ways of reading the export's values (Stripe writes UTC, LinkedIn writes MM/DD/YYYY). */
  timeZone?: string;
  dateOrder?: DateOrder;
  /** Cells were written by Tandem's exporter: drop the `'` it puts before formula-like text. */
  unquoteFormulas?: boolean;
  /** Rows with the same value of this field are one record (Shopify line items of one order). */
  groupBy?: string;
  /** A note when the row is left out on purpose (an export's summary row); null to import it. */
  skip?(row: FieldRow): string | null;
  /** Adds what the generic builder cannot know; may record problems on the row. */
  adjust?(record: R, row: FieldRow, context: { group: readonly SourceRow[]; options: ValueOptions }): void;
}

export function definePreset<R extends AnyRecord>(preset: Preset<R>): Preset {
  return preset as unknown as Preset;
}

function matches(header: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? header.trim() === pattern : pattern.test(header.trim());
}

/** Column header → field for this file, from the preset's column patterns. */
export function presetMapping(preset: Preset, columns: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [field, pattern] of Object.entries(preset.columns)) {
    const column = columns.find((c) => matches(c, pattern) && !Object.hasOwn(mapping, c));
    if (column !== undefined) mapping[column] = field;
  }
  return mapping;
}

/** True when every identifying column is in the header. */
export function presetFits(preset: Preset, columns: readonly string[]): boolean {
  return preset.identify.every((pattern) => columns.some((c) => matches(c, pattern)));
}
