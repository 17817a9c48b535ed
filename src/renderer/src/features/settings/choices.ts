/** The choices of the workspace settings, shared by Settings and the first start. */

export const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, i, 1)),
  ),
}));

// prettier-ignore
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'NZD', 'PLN'];
export const CURRENCIES = CURRENCY_CODES.map((c) => ({ value: c, label: c }));

// prettier-ignore
export const LOCALE_TAGS = [
  'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IE', 'en-NZ', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CH',
  'fr-CA', 'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'nl-BE', 'pt-PT', 'pt-BR', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI',
  'pl-PL', 'cs-CZ', 'hu-HU', 'ja-JP',
];
/** Each locale with how it writes 1,234.50 and 31 March 2026, so the choice shows what it changes. */
export const LOCALES = LOCALE_TAGS.map((l) => ({
  value: l,
  label: `${l} — ${new Intl.NumberFormat(l, { minimumFractionDigits: 2 }).format(1234.5)}, ${new Intl.DateTimeFormat(l, { timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 2, 31)))}`,
}));

export const WEEK_STARTS = [
  { value: '1', label: 'Monday' },
  { value: '0', label: 'Sunday' },
];
