/**
 * The currency an amount cell writes itself in (`£12.50`, `12.50 EUR`, `CA$5.00`, `JPY 1200`), which the
 * number reader passes over: the importer checks it against the currency it reads the row in, so a pound or
 * yen amount is never stored as dollars.
 */

/** Symbols and the currencies they stand for; "$" alone is any of the dollars (and pesos) that write it. */
const SYMBOLS: Record<string, readonly string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP'],
  '£': ['GBP', 'EGP', 'GIP', 'FKP'],
  '€': ['EUR'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  '₩': ['KRW'],
  '₽': ['RUB'],
  '₺': ['TRY'],
  '₪': ['ILS'],
  '฿': ['THB'],
  '₫': ['VND'],
  '₱': ['PHP'],
  '₦': ['NGN'],
  '₴': ['UAH'],
};

/** Dollars told apart by a prefix: `CA$`, `A$`, `US$`. */
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  C: 'CAD',
  A: 'AUD',
  AU: 'AUD',
  NZ: 'NZD',
  HK: 'HKD',
  S: 'SGD',
  SG: 'SGD',
  NT: 'TWD',
  MX: 'MXN',
  R: 'BRL',
};

const CODE_BEFORE = /^[(\-+\u2212\s]*([A-Z]{3})\s/;
const CODE_AFTER = /\s([A-Z]{3})[)\-\s]*$/;
const SYMBOL = /(?:^|[\d\s(\-+\u2212])?([A-Z]{0,2})(\p{Sc})/u;

/**
 * The currencies the cell's own marker can mean, or null when it has none (or one this does not know, which
 * is then not judged). `isCode` tells ISO codes from other capitals.
 */
export function currencyMarked(text: string, isCode: (code: string) => boolean): readonly string[] | null {
  const code = CODE_BEFORE.exec(text)?.[1] ?? CODE_AFTER.exec(text)?.[1];
  if (code && isCode(code)) return [code];
  const symbol = SYMBOL.exec(text);
  if (!symbol) return null;
  const [, prefix = '', sign = ''] = symbol;
  if (sign === '$' && prefix) return DOLLAR_PREFIXES[prefix] ? [DOLLAR_PREFIXES[prefix]] : null;
  return SYMBOLS[sign] ?? null;
}
