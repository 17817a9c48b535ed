export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export type DecimalSeparator = '.' | ',';

export interface NumberHint {
  /** The column's (or workspace locale's) decimal separator; detected per value when absent. */
  decimalSeparator?: DecimalSeparator;
}

/** A number kept as digit strings so money can be converted without floating-point error. */
interface DecimalParts {
  negative: boolean;
  whole: string;
  fraction: string;
  percent: boolean;
}

const EXAMPLE = 'expected a number like 1234.50';
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/;

/**
 * An amount as most exports write it ("1234.50", "-12", "3"): read without the general parser, which takes
 * a few microseconds per value, a second on a large orders file. Every value it takes reads the same by both.
 */
const PLAIN = /^(-?)(\d{1,15})(?:\.(\d{1,15}))?$/;

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * Reads numbers as exports write them: "1,234.50", "1.234,50", "1234,5", "1 234,50",
 * "$1,234.50", "(12.00)" (accounting negative), "27.78%" (→ 0.2778), "1.5e3".
 *
 * Without a hint a single comma followed by exactly three digits ("1,234") is read as a
 * thousands separator, the convention of the English-language exports this app mostly sees;
 * pass the column's separator (see detectDecimalSeparator) to read it as 1.234.
 */
export function parseDecimal(text: string, hint: NumberHint = {}): ParseResult<number> {
  if (hint.decimalSeparator !== ',' && PLAIN.test(text)) {
    const value = Number(text);
    return { ok: true, value: value === 0 ? 0 : value };
  }
  const parts = parseDecimalParts(text, hint);
  if (!parts.ok) return parts;
  let { whole, fraction } = parts.value;
  if (parts.value.percent) {
    const padded = whole.padStart(3, '0');
    whole = padded.slice(0, -2);
    fraction = padded.slice(-2) + fraction;
  }
  const value = Number(`${parts.value.negative ? '-' : ''}${whole}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return fail(`the number is too large (${EXAMPLE})`);
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Money in integer minor units, computed on the digits so "0.1" is exactly 10 cents.
 * Extra decimals are rounded half away from zero, as accounting software does.
 */
export function toMinorUnits(text: string, currencyDecimals = 2, hint: NumberHint = {}): ParseResult<number> {
  const plain = hint.decimalSeparator !== ',' ? PLAIN.exec(text) : null;
  if (plain && (plain[2] ?? '').length + currencyDecimals <= 15) {
    const [, sign, written = '', writtenFraction = ''] = plain;
    const [whole, fraction] = asExcelShows(written, writtenFraction);
    let units = Number(whole + fraction.slice(0, currencyDecimals).padEnd(currencyDecimals, '0'));
    if ((fraction[currencyDecimals] ?? '0') >= '5') units += 1;
    return { ok: true, value: sign && units !== 0 ? -units : units };
  }
  const parts = parseDecimalParts(text, hint);
  if (!parts.ok) return parts;
  const { negative, percent } = parts.value;
  if (percent) return fail('expected an amount like 1234.50, not a percentage');
  const [whole, fraction] = asExcelShows(parts.value.whole, parts.value.fraction);
  const kept = fraction.slice(0, currencyDecimals).padEnd(currencyDecimals, '0');
  let units = BigInt(whole + kept);
  if ((fraction[currencyDecimals] ?? '0') >= '5') units += 1n;
  if (negative) units = -units;
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail('the amount is too large');
  }
  const value = Number(units);
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Fraction digits beyond which a value is a float's noise, not an amount (no currency has more than 4). */
const FLOAT_NOISE_FROM = 5;

/**
 * A number written from a binary float with more digits than one holds, as Excel and scripts save
 * `12.345` (`12.344999999999999`) or `0.1 + 0.2` (`0.30000000000000004`), rounded to the 15 significant
 * digits Excel shows before it is rounded to cents: 12.35, not 12.34. Numbers of 15 digits or fewer, as
 * people write them, and longer ones whose fraction is short enough to be an amount, are left as written.
 */
function asExcelShows(whole: string, fraction: string): [string, string] {
  if (whole.length + fraction.length <= 15 || fraction === '') return [whole, fraction];
  if ((whole + fraction).replace(/^0+/, '').length <= 15) return [whole, fraction];
  // A long fraction is a float's noise; a 16-digit amount in cents (90071992547409.91) is as written.
  if (fraction.length <= FLOAT_NOISE_FROM) return [whole, fraction];
  const shown = Number(`${whole}.${fraction}`).toPrecision(15);
  if (shown.includes('e')) return [whole, fraction];
  const [w = '0', f = ''] = shown.split('.');
  return [w, f];
}

/**
 * The decimal separator a column uses, judged from all its values: '1.234,50' or '12,5' show a
 * comma, '1,234.50' or '12.5' a point. 'ambiguous' when only values like "1,234" are found (or
 * the column contradicts itself): ask the user. 'none' when no value has a separator at all.
 */
export function detectDecimalSeparator(values: readonly string[]): DecimalSeparator | 'ambiguous' | 'none' {
  const evidence = noDecimalEvidence();
  for (const value of values) addDecimalEvidence(evidence, value);
  return decimalFromEvidence(evidence);
}

/** What a column's values say about its decimal separator so far. */
export interface DecimalEvidence {
  point: boolean;
  comma: boolean;
  undecided: boolean;
}

export const noDecimalEvidence = (): DecimalEvidence => ({ point: false, comma: false, undecided: false });

/**
 * One value's say: `1.234,50`, `12,5` and `1.234.567` speak for a comma, `1,234.50`, `12.5` and `1,234,567` for a
 * point; `2,500` and `1.000` (one separator, three digits after it) could be either.
 */
export function addDecimalEvidence(e: DecimalEvidence, value: string): void {
  const core = value.replace(/[^\d.,]/g, '');
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) return;
  if (lastDot !== -1 && lastComma !== -1) {
    if (lastDot > lastComma) e.point = true;
    else e.comma = true;
    return;
  }
  const sep = lastDot !== -1 ? '.' : ',';
  const count = core.split(sep).length - 1;
  const after = core.length - core.lastIndexOf(sep) - 1;
  if (count > 1) {
    if (sep === ',') e.point = true;
    else e.comma = true;
  } else if (after !== 3) {
    if (sep === '.') e.point = true;
    else e.comma = true;
  } else e.undecided = true;
}

export function decimalFromEvidence(e: DecimalEvidence): DecimalSeparator | 'ambiguous' | 'none' {
  const { point, comma, undecided } = e;
  if (point && comma) return 'ambiguous';
  if (point) return '.';
  if (comma) return ',';
  return undecided ? 'ambiguous' : 'none';
}

function parseDecimalParts(text: string, hint: NumberHint): ParseResult<DecimalParts> {
  let s = text.trim();
  if (s === '') return fail(`${EXAMPLE}, but the cell is empty`);
  let negative = false;
  let percent = false;

  const parenthesised = /^\((.*)\)$/.exec(s);
  if (parenthesised) {
    negative = true;
    s = (parenthesised[1] ?? '').trim();
  }
  // Sign and currency come in either order: "-$12", "$-12", "USD -12", "12.00-".
  for (let pass = 0; pass < 2; pass++) {
    s = s.replace(/^(?:[A-Z]{3}\s+|[A-Z]{0,2}\p{Sc}\s*)/u, '').replace(/(?:\s*\p{Sc}|\s+[A-Z]{3})$/u, '');
    const sign = /^([-+\u2212])\s*/.exec(s) ?? /\s*([-\u2212])$/.exec(s);
    if (sign) {
      if (negative && sign[1] !== '+') return fail(EXAMPLE);
      negative = negative || sign[1] !== '+';
      s = sign.index === 0 ? s.slice(sign[0].length) : s.slice(0, sign.index);
    }
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }

  const scientific = /^(\d*)(?:\.(\d*))?e([+-]?\d{1,3})$/i.exec(s);
  if (scientific && hint.decimalSeparator !== ',') return expandScientific(scientific, negative, percent);
  if (!/^[\d.,'\u2019 \u00a0\u202f\u2009]+$/.test(s) || !/\d/.test(s)) return fail(EXAMPLE);

  const decimal = hint.decimalSeparator ?? guessDecimal(s);
  const pieces = s.split(decimal);
  if (pieces.length > 2) return fail(EXAMPLE);
  const [integerText = '', fraction = ''] = pieces;
  if (!/^\d*$/.test(fraction)) return fail(`${EXAMPLE}: the decimal separator is unclear`);
  const whole = ungroup(integerText);
  if (whole === null) return fail(`the thousands separators are misplaced (${EXAMPLE})`);
  if (whole === '' && fraction === '') return fail(EXAMPLE);
  return { ok: true, value: { negative, whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction, percent } };
}

/** Decimal separator of one value when no hint is given (see parseDecimal). */
function guessDecimal(s: string): DecimalSeparator {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ',';
  if (lastComma === -1) return s.indexOf('.') === lastDot ? '.' : ',';
  if (s.indexOf(',') !== lastComma) return '.';
  // Space- or apostrophe-grouped numbers never group with a comma too: "1 234,567".
  if (GROUP_SPACES.test(s) || /['\u2019]/.test(s)) return ',';
  return /^[1-9]\d{0,2},\d{3}$/.test(s) ? '.' : ',';
}

/**
 * Integer digits with grouping removed, or null when the groups are malformed. One kind of
 * separator per number; groups of three, except Indian lakh/crore grouping (12,34,567).
 */
function ungroup(integerText: string): string | null {
  const separators = new Set(integerText.replace(/\d/g, '').replace(/[\u00a0\u202f\u2009]/g, ' '));
  if (separators.size === 0) return integerText;
  if (separators.size > 1) return null;
  const groups = integerText.split(/[.,'\u2019 \u00a0\u202f\u2009]/);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first)) return null;
  const last = rest.at(-1);
  if (last === undefined || !/^\d{3}$/.test(last)) return null;
  const middle = rest.slice(0, -1);
  const sizes = new Set(middle.map((g) => (/^\d+$/.test(g) ? g.length : -1)));
  if ([...sizes].some((n) => n !== 2 && n !== 3) || sizes.size > 1) return null;
  return groups.join('');
}

function expandScientific(
  m: RegExpExecArray,
  negative: boolean,
  percent: boolean,
): ParseResult<DecimalParts> {
  const [, whole = '', fraction = '', exponentText = '0'] = m;
  if (whole === '' && fraction === '') return fail(EXAMPLE);
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  const padded =
    point > digits.length ? digits.padEnd(point, '0') : point < 0 ? '0'.repeat(-point) + digits : digits;
  const at = Math.max(point, 0);
  const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0';
  return { ok: true, value: { negative, whole: intPart, fraction: padded.slice(at), percent } };
}
