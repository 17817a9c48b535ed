/**
 * Day/month order of "03/04/2026"-style dates, judged the same way by the mapping screen (to ask before the
 * import starts) and by the core (to preselect the order when inspecting a file).
 */
export type DateOrder = 'DMY' | 'MDY';

/** 03/04/2026, and 03/04/26 as spreadsheets shorten it. */
const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/;

/** What the values of one column say about their day/month order, gathered one value at a time. */
export interface DateEvidence {
  /** Values of the form 03/04/2026 or 03/04/26 (with or without a time). */
  seen: number;
  /** Values only day first can read (a first part above 12, or written with dots). */
  dayFirst: number;
  /** Values only month first can read (a second part above 12). */
  monthFirst: number;
}

export const noDateEvidence = (): DateEvidence => ({ seen: 0, dayFirst: 0, monthFirst: 0 });

export function addDateEvidence(evidence: DateEvidence, value: string): void {
  const c = value.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && c !== 32) return;
  const m = DAY_MONTH.exec(value.trim());
  if (!m) return;
  evidence.seen++;
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first > 12 || m[2] === '.') evidence.dayFirst++;
  if (second > 12) evidence.monthFirst++;
}

/**
 * The order the evidence settles: a value whose first part is above 12 means DMY, a second part above 12
 * MDY; values whose two readings are the same day (3/3/2026) or equally possible (3/4/2026) settle nothing.
 * 'ambiguous' when no value settles it or values contradict each other: the user must choose, the importer
 * never swaps silently. 'none' when no value has the day/month form (ISO dates, month names).
 */
export function orderFromEvidence(e: DateEvidence): DateOrder | 'ambiguous' | 'none' {
  if (e.seen === 0) return 'none';
  if (e.dayFirst > 0 && e.monthFirst === 0) return 'DMY';
  if (e.monthFirst > 0 && e.dayFirst === 0) return 'MDY';
  return 'ambiguous';
}

/** Judged from all the values, as orderFromEvidence. DD.MM.YYYY counts as DMY, the only order written with dots. */
export function detectDateOrder(values: readonly string[]): DateOrder | 'ambiguous' | 'none' {
  const evidence = noDateEvidence();
  for (const value of values) addDateEvidence(evidence, value);
  return orderFromEvidence(evidence);
}

/** The order a locale writes numeric dates in (en-US month first, en-GB and most others day first). */
export function localeDateOrder(locale: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).formatToParts(
      new Date(Date.UTC(2026, 0, 31, 12)),
    );
    const day = parts.findIndex((p) => p.type === 'day');
    const month = parts.findIndex((p) => p.type === 'month');
    return month !== -1 && month < day ? 'MDY' : 'DMY';
  } catch {
    return 'DMY';
  }
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
