import { currencyDecimals, isCurrencyCode } from '@shared/domain/currency';
import { parseDate, parseDecimal, parseInstant, toMinorUnits } from '../read';
import { currencyMarked } from '../read/currency-marks';
import type { RowError, ValueOptions } from '../records';

// Intl lookups cost tens of microseconds; a file has one or two currencies.
const decimalsCache = new Map<string, number>();
const codeCache = new Map<string, boolean>();
const decimalsOf = (currency: string): number => {
  let d = decimalsCache.get(currency);
  if (d === undefined) decimalsCache.set(currency, (d = currencyDecimals(currency)));
  return d;
};
const isCode = (code: string): boolean => {
  let ok = codeCache.get(code);
  if (ok === undefined) codeCache.set(code, (ok = isCurrencyCode(code)));
  return ok;
};

/** A cell the Tandem exporter neutralised: quotes, then a formula's first character. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * One file row seen through a mapping (target field → column). A single instance is reused for every row of
 * a job, so reading a million rows allocates nothing per field.
 */
export class FieldRow {
  cells: string[] = [];
  line = 0;
  readonly problems: RowError[] = [];
  /** Notes on the row's record: what was read differently from the file, without refusing the row. */
  readonly notes: RowError[] = [];
  /** The columns whose header a `textsOf` pattern matches, found on its first row. */
  private readonly matching = new Map<RegExp, number[]>();

  /**
   * @param unquote drop the one `'` a Tandem export put before text starting with `= + - @`, tab or CR
   * (formula neutralising); only the Tandem export presets set it, other files keep their quotes.
   * @param further field → the headers of further columns holding more values of it, past the one mapped
   *   (Google's `Phone 3 - Value` and on after `Phone 2 - Value`)
   */
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly header: readonly string[],
    private readonly unquote = false,
    private readonly further: Readonly<Record<string, RegExp>> = {},
  ) {}

  /** Moves to the next row and forgets the previous row's problems. */
  reset(cells: string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.problems.length = 0;
    this.notes.length = 0;
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  /** Trimmed cell text of a field; '' when the field is not mapped or the cell is empty. */
  text(field: string): string {
    const i = this.index.get(field);
    if (i === undefined) return '';
    const value = this.cells[i];
    if (value === undefined) return '';
    const text = value.trim();
    return this.unquote && NEUTRALISED.test(text) ? text.slice(1) : text;
  }

  /** The field's text, then that of each further column holding more of it (the constructor's `further`). */
  texts(field: string): string[] {
    const pattern = this.further[field];
    return pattern ? [this.text(field), ...this.textsOf(pattern)] : [this.text(field)];
  }

  /**
   * Trimmed, non-empty cells of the columns whose header matches, in the file's order: for an export that
   * numbers as many columns as its fullest record needs (Google's `Phone 3 - Value`, `Phone 4 - Value`…).
   */
  textsOf(header: RegExp): string[] {
    let columns = this.matching.get(header);
    if (!columns) {
      columns = this.header.flatMap((name, i) => (header.test(name) ? [i] : []));
      this.matching.set(header, columns);
    }
    const out: string[] = [];
    for (const i of columns) {
      const text = (this.cells[i] ?? '').trim();
      if (text !== '') out.push(text);
    }
    return out;
  }

  /** The column's header, for messages; the field name when it is not mapped. */
  column(field: string): string {
    const i = this.index.get(field);
    return i === undefined ? field : (this.header[i] ?? field);
  }

  problem(field: string | null, message: string): null {
    this.problems.push({
      line: this.line,
      column: field === null ? null : this.column(field),
      message,
      severity: 'error',
      cells: this.cells,
    });
    return null;
  }

  note(message: string): RowError {
    return { line: this.line, column: null, message, severity: 'note', cells: this.cells };
  }

  /** Money in minor units of `currency`; null for an empty cell. */
  money(field: string, currency: string, options: ValueOptions): number | null {
    const text = this.text(field);
    if (text === '') return null;
    const result = toMinorUnits(text, decimalsOf(currency), { decimalSeparator: options.decimalSeparator });
    if (!result.ok) return this.problem(field, result.reason);
    // Plain amounts ("1234.50") carry no currency of their own; only others are looked at.
    if (!/^[-\d.,\s]*$/.test(text)) {
      const marked = currencyMarked(text, isCode);
      if (marked && !marked.includes(currency))
        return this.problem(
          field,
          `"${text}" is written in ${marked.length === 1 ? marked[0] : `a currency other than ${currency}`}, but this row's amounts are read as ${currency}: map the file's currency column, or import one currency at a time`,
        );
    }
    return result.value;
  }

  /** A plain number (counts, rates); null for an empty cell or "n/a". */
  number(field: string, options: ValueOptions): number | null {
    const text = this.text(field);
    if (text === '' || /^(n\/a|-|—)$/i.test(text)) return null;
    const result = parseDecimal(text, { decimalSeparator: options.decimalSeparator });
    return result.ok ? result.value : this.problem(field, result.reason);
  }

  private dateOrder(field: string, options: ValueOptions) {
    return options.dateOrders?.[this.column(field)] ?? options.dateOrder;
  }

  /** A field's instant as parsed, with the text it was read from; null for an empty cell. */
  private readInstant(field: string, options: ValueOptions) {
    const text = this.text(field);
    if (text === '') return null;
    return {
      text,
      result: parseInstant(text, { order: this.dateOrder(field, options), timeZone: options.timeZone }),
    };
  }

  /** UTC instant; times without an offset are read in the job's time zone. */
  instant(field: string, options: ValueOptions): string | null {
    const read = this.readInstant(field, options);
    if (!read) return null;
    return read.result.ok ? read.result.value : this.problem(field, quoting(read.text, read.result.reason));
  }

  /**
   * An instant the record can do without: an unreadable one is a note on the row saying what happens instead
   * (`instead`), and the row is kept.
   */
  optionalInstant(field: string, options: ValueOptions, instead: string): string | null {
    const read = this.readInstant(field, options);
    if (!read) return null;
    if (read.result.ok) return read.result.value;
    this.notes.push({
      line: this.line,
      column: this.column(field),
      message: `${quoting(read.text, read.result.reason)}; ${instead}`,
      severity: 'note',
      cells: this.cells,
    });
    return null;
  }

  /** Calendar day as written (YYYY-MM-DD). */
  date(field: string, options: ValueOptions): string | null {
    const text = this.text(field);
    if (text === '') return null;
    const result = parseDate(text, { order: this.dateOrder(field, options), timeZone: options.timeZone });
    return result.ok ? result.value : this.problem(field, quoting(text, result.reason));
  }

  /** ISO 4217 code in upper case (Stripe writes `usd`); the workspace currency when empty. */
  currency(field: string, options: ValueOptions): string {
    const text = this.text(field).toUpperCase();
    if (text === '') return options.currency;
    if (!isCode(text)) {
      this.problem(field, `"${this.text(field)}" is not a currency code such as USD or EUR`);
      return options.currency;
    }
    return text;
  }
}

/** Builds the field → column index for a mapping (column header → target field). */
export function fieldIndex(columns: readonly string[], mapping: Record<string, string>): Map<string, number> {
  const index = new Map<string, number>();
  for (const [column, field] of Object.entries(mapping)) {
    const i = columns.indexOf(column);
    if (i !== -1 && !index.has(field)) index.set(field, i);
  }
  return index;
}

/** A reason that does not show the value it is about, with the value before it: `"12/31/2x": expected …`. */
function quoting(text: string, reason: string): string {
  return reason.includes(text) ? reason : `"${text}": ${reason}`;
}
