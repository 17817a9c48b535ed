import { currencyDecimals } from '@shared/domain/currency';

/** What a column holds; decides how a value is written and whether it may be neutralised. */
export type ColumnType = 'text' | 'number' | 'money' | 'date' | 'instant';

/** Money as integer minor units and its currency. */
export interface MoneyValue {
  minor: number;
  currency: string;
}

export type CellValue = string | number | MoneyValue | null;

/**
 * OWASP's list: a cell a spreadsheet would read as a formula, or whose first character it drops. Text that
 * already starts with quotes before one of them gets one more too, so the reader of a Tandem export, which
 * drops exactly one, gives back what was written (`'=x` → `''=x` → `'=x`).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading `'`; the reader of a Tandem export drops it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const decimals = new Map<string, number>();

/** Minor units as a plain decimal in major units: 123450 USD → `1234.50`, -5 JPY → `-5`. */
export function majorUnits(minor: number, currency: string): string {
  let d = decimals.get(currency);
  if (d === undefined) decimals.set(currency, (d = currencyDecimals(currency)));
  if (d === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(d + 1, '0');
  return `${sign}${digits.slice(0, -d)}.${digits.slice(-d)}`;
}

/**
 * One value as the text of its cell, before quoting. Numbers are written as numbers (a negative amount is
 * not a formula); anything in a text, date or instant column is text and is neutralised.
 */
export function cellText(value: CellValue, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'object') return majorUnits(value.minor, value.currency);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return type === 'text' ? neutralise(String(value)) : String(value);
  }
  return neutralise(value);
}

/** RFC 4180: a field holding the delimiter, a quote, CR or LF is quoted, with quotes doubled. */
export function quoted(text: string, delimiter: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '\n' || c === '\r' || c === delimiter) {
      needs = true;
      break;
    }
  }
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}
