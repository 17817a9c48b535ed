/**
 * Day/month order of "03/04/2026"-style dates, judged the same way by the mapping screen (to ask before the
 * import starts) and by the core (to preselect the order when inspecting a file).
 */
export type DateOrder = 'DMY' | 'MDY';

const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}/;

/**
 * Judged from all the values: a first part above 12 means DMY, a second part above 12 means MDY.
 * 'ambiguous' when no value settles it or values contradict each other: the user must choose, the importer
 * never swaps silently. 'none' when no value has the day/month form (ISO dates, month names).
 * DD.MM.YYYY counts as DMY, the only order written with dots.
 */
export function detectDateOrder(values: readonly string[]): DateOrder | 'ambiguous' | 'none' {
  let dmy = false;
  let mdy = false;
  let seen = false;
  for (const value of values) {
    const m = DAY_MONTH.exec(value.trim());
    if (!m) continue;
    seen = true;
    if (Number(m[1]) > 12 || m[2] === '.') dmy = true;
    if (Number(m[3]) > 12) mdy = true;
  }
  if (!seen) return 'none';
  if (dmy && !mdy) return 'DMY';
  if (mdy && !dmy) return 'MDY';
  return 'ambiguous';
}

/**
 * Target fields that hold a date or a date and time (`date`, `createdAt`, `expectedCloseDate`…). The earlier
 * rule, `/date|At$/`, missed `expectedCloseDate` (capital D): its dates were never judged.
 */
export const isDateField = (field: string): boolean => /(^date|Date|At)$/.test(field);

/** The order of the dates in the columns a mapping sends to date fields, judged from sample rows. */
export function mappedDateOrder(
  mapping: Record<string, string>,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): DateOrder | 'ambiguous' | 'none' {
  const values = Object.entries(mapping)
    .filter(([, field]) => isDateField(field))
    .flatMap(([column]) => {
      const index = columns.indexOf(column);
      return index === -1 ? [] : rows.map((row) => row[index] ?? '');
    });
  return detectDateOrder(values);
}
