/** One record of the sniffed head of a table, before the header is known. */
export interface SampleRecord {
  cells: readonly string[];
  /** 1-based physical line or sheet row. */
  line: number;
}

/** Records looked at after a header candidate to learn how wide the table is. */
const LOOKAHEAD = 50;

export function nonEmptyCount(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.trim() !== '') n++;
  return n;
}

/** Field count without trailing empty cells: spreadsheets pad every row to the sheet's width. */
export function usedWidth(cells: readonly string[]): number {
  let w = cells.length;
  while (w > 0 && (cells[w - 1] ?? '').trim() === '') w--;
  return w;
}

/**
 * Index of the header record, or -1 when every record is blank.
 *
 * Exports put things above the header: a title ("All posts published from ..."), a date range
 * ("Date range: Jan 1, 2026 - Sep 30, 2026", which commas split into pieces) or blank lines.
 * A title holds a single value while the rows under it hold several; a date range has fewer
 * fields than most rows under it have values (a few ragged rows of a short file do not count as
 * "most"). The rows' trailing empty fields are not counted,
 * so a header stays a header when every data row ends with an extra delimiter.
 *
 * @param width field count of a candidate: all fields for CSV, used width for a sheet
 */
export function locateHeader(
  records: readonly SampleRecord[],
  width: (cells: readonly string[]) => number,
): number {
  const filled: number[] = [];
  records.forEach((r, i) => {
    if (nonEmptyCount(r.cells) > 0) filled.push(i);
  });
  for (let k = 0; k < filled.length; k++) {
    const index = filled[k] as number;
    const cells = (records[index] as SampleRecord).cells;
    const following = filled
      .slice(k + 1, k + 1 + LOOKAHEAD)
      .map((i) => usedWidth((records[i] as SampleRecord).cells));
    if (following.length === 0) return index;
    const tableWidth = modeOf(following);
    const isTitle = nonEmptyCount(cells) <= 1 && tableWidth >= 2;
    // Narrower than most rows under it: a date range, not the header. A few ragged rows do not make it so.
    const own = width(cells);
    const wider = following.filter((w) => w > own).length;
    if (isTitle || wider * 2 > following.length) continue;
    return index;
  }
  return -1;
}

/** Most frequent value; ties go to the larger one (a few short rows should not win). */
export function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
