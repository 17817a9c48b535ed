import { currencyDecimals, toMinor } from './currency';

/**
 * The one reading of amounts and counts a person types into a form, in the workspace's locale: `1,234.56` in
 * en-US, `1.234,56` in de-DE, `1 234,56` in fr-FR. Empty text is `null` — "no value" — everywhere; the form
 * decides whether no value is allowed (a spend needs an amount, a campaign's budget reads it as 0, a revenue
 * target stays unset). Negative numbers pass through so that the core's rule ("must not be negative") is the
 * one message shown.
 */
export type InputResult = { ok: true; value: number | null } | { ok: false; message: string };

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** The decimal separator the locale writes (`.` in en-US, `,` in de-DE); a point for locales that write neither. */
export function localeDecimalSeparator(locale: string): '.' | ',' {
  return separators(locale).decimal === ',' ? ',' : '.';
}

/** Spaces of every width: fr-FR groups with a narrow no-break space, people type a plain one. */
const SPACES = /[\s\u00a0\u202f\u2009]/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The currency's code and its symbol in the locale (`EUR`, `€`; `CHF`; `USD`, `$`), which may surround the amount. */
function currencyMarks(locale: string, currency: string): string[] {
  try {
    const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency })
      .formatToParts(1)
      .find((p) => p.type === 'currency')?.value;
    return [currency, ...(symbol ? [symbol] : [])];
  } catch {
    return [currency];
  }
}

function example(locale: string, what: 'amount' | 'number'): string {
  return `enter ${what === 'amount' ? 'an amount' : 'a number'} such as ${new Intl.NumberFormat(locale).format(1250.5)}`;
}

/**
 * Digits with the locale's separators → a plain decimal string (`1234.56`), or null when the text is not
 * written that way. A group separator must be followed by exactly three digits, so `12.50` in de-DE or
 * `1,5` in en-US is refused instead of being read as 1250 or 15. Spaces are tolerated anywhere (where the
 * locale groups with a space, such a group separator is simply gone).
 */
function readDecimal(text: string, locale: string): string | null {
  const { group, decimal } = separators(locale);
  const compact = text.replace(SPACES, '');
  const sign = /^[-\u2212]/.test(compact) ? '-' : '';
  const [whole = '', fraction, extra] = (sign ? compact.slice(1) : compact).split(decimal);
  if (extra !== undefined) return null;
  const groups = group.replace(SPACES, '') === '' ? [whole] : whole.split(group);
  const [head = '', ...rest] = groups;
  const grouped = rest.length === 0 || (/^\d{1,3}$/.test(head) && rest.every((g) => /^\d{3}$/.test(g)));
  const digits = groups.join('');
  if (!grouped || !/^\d*$/.test(digits) || !/^\d*$/.test(fraction ?? '')) return null;
  if (digits === '' && !fraction) return null;
  return `${sign}${digits || '0'}${fraction ? `.${fraction}` : ''}`;
}

/** A number typed in the locale's format; empty text is null. */
export function parseNumberInput(text: string, locale: string): InputResult {
  if (text.trim() === '') return { ok: true, value: null };
  const plain = readDecimal(text.trim(), locale);
  return plain === null
    ? { ok: false, message: example(locale, 'number') }
    : { ok: true, value: Number(plain) };
}

/**
 * Money typed in major units (`1.234,56 €`, `$1,234.56`, `USD 12`) → integer minor units of `currency`;
 * empty text is null. The currency's own code or symbol may stand before or after the amount.
 */
export function parseMoneyInput(text: string, locale: string, currency: string): InputResult {
  if (text.trim() === '') return { ok: true, value: null };
  let amount = text.trim();
  for (const mark of currencyMarks(locale, currency)) {
    const m = escape(mark);
    amount = amount.replace(new RegExp(`^([-\u2212]?)\\s*${m}\\s*|\\s*${m}$`, 'i'), '$1').trim();
  }
  const plain = readDecimal(amount, locale);
  if (plain === null) return { ok: false, message: example(locale, 'amount') };
  const decimals = currencyDecimals(currency);
  if ((plain.split('.')[1] ?? '').length > decimals) {
    return {
      ok: false,
      message:
        decimals === 0
          ? `${currency} has no smaller unit: enter a whole amount`
          : `enter at most ${decimals} decimal places`,
    };
  }
  return { ok: true, value: toMinor(Number(plain), currency) };
}

/** A whole count (leads); fractions are refused here, negatives by the core's rules. */
export function parseCountInput(text: string, locale: string): InputResult {
  const parsed = parseNumberInput(text, locale);
  if (parsed.ok && parsed.value !== null && !Number.isInteger(parsed.value)) {
    return { ok: false, message: 'enter a whole number' };
  }
  return parsed;
}

/** Minor units as editable text in the locale's format, without grouping (`1200.50`, `1200,50`); null is empty. */
export function moneyInputText(minor: number | null | undefined, locale: string, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: minor % 10 ** decimals === 0 ? 0 : decimals,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}

export const countInputText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
