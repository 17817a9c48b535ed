/**
 * What a first start suggests from the operating system's or browser's language (`navigator.language`):
 * the workspace currency, the first day of the week and the order of day, month and year. The region comes
 * from the tag (`de-AT` → AT) or, for a bare language (`de`), from its likely region (Intl.Locale.maximize).
 */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface LocaleDefaults {
  /** The canonical tag (`de-DE`), or `en-US` when the tag cannot be read. */
  locale: string;
  currency: string;
  /** 0 = Sunday, 1 = Monday: the two week starts a workspace offers. */
  weekStart: 0 | 1;
  dateOrder: DateOrder;
}

const EURO = [
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
  'AD',
  'MC',
  'SM',
  'VA',
  'ME',
  'XK',
];

const CURRENCY_BY_REGION: Record<string, string> = {
  ...Object.fromEntries(EURO.map((region) => [region, 'EUR'])),
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  LI: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  IS: 'ISK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
  JP: 'JPY',
  CN: 'CNY',
  HK: 'HKD',
  SG: 'SGD',
  IN: 'INR',
  KR: 'KRW',
  TW: 'TWD',
  BR: 'BRL',
  MX: 'MXN',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  ZA: 'ZAR',
  TR: 'TRY',
  IL: 'ILS',
  AE: 'AED',
  SA: 'SAR',
  UA: 'UAH',
  TH: 'THB',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
  VN: 'VND',
};

/**
 * Regions whose weeks start on Sunday (CLDR's firstDay "sun"); the rest start on Monday. Regions that start
 * on Saturday (much of the Middle East) get Sunday, the nearer of the two a workspace offers.
 */
const SUNDAY_FIRST = new Set([
  'US',
  'CA',
  'MX',
  'BR',
  'JP',
  'KR',
  'TW',
  'HK',
  'CN',
  'IN',
  'IL',
  'PH',
  'TH',
  'ZA',
  'SA',
  'AE',
  'AR',
  'CO',
  'PE',
  'VE',
  'GT',
  'HN',
  'NI',
  'PA',
  'PR',
  'DO',
  'SV',
  'BZ',
  'JM',
  'TT',
  'ZW',
  'KE',
  'ET',
  'PK',
  'BD',
  'ID',
  'KH',
  'LA',
  'MM',
  'NP',
  'MO',
  'SG',
  'BT',
  'WS',
  'UM',
  'VI',
  'GU',
  'AS',
  'MH',
  'BS',
  'DM',
  'AF',
  'BH',
  'DJ',
  'DZ',
  'EG',
  'IQ',
  'IR',
  'JO',
  'KW',
  'LY',
  'OM',
  'QA',
  'SD',
  'SY',
  'YE',
]);

const FALLBACK = 'en-US';

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

/** The order of day, month and year in the locale's short numeric dates. */
export function dateOrderOf(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 2, 31)))
    .map((p) => p.type)
    .filter((t) => t === 'day' || t === 'month' || t === 'year');
  if (parts[0] === 'year') return 'ymd';
  return parts[0] === 'month' ? 'mdy' : 'dmy';
}

export function localeDefaults(tag: string | undefined): LocaleDefaults {
  const locale = (tag && canonical(tag)) || FALLBACK;
  const region = regionOf(locale) ?? 'US';
  return {
    locale,
    currency: CURRENCY_BY_REGION[region] ?? 'USD',
    weekStart: SUNDAY_FIRST.has(region) ? 0 : 1,
    dateOrder: dateOrderOf(locale),
  };
}

/**
 * The offered locale closest to the tag: the same tag, else the same language (in its likely region first),
 * else `en-US` when offered, else the first.
 */
export function closestLocale(tag: string, offered: readonly string[]): string {
  const wanted = canonical(tag) ?? FALLBACK;
  if (offered.includes(wanted)) return wanted;
  const language = wanted.split('-')[0];
  const sameLanguage = offered.filter((l) => l.split('-')[0] === language);
  const region = regionOf(wanted);
  return (
    sameLanguage.find((l) => regionOf(l) === region) ??
    sameLanguage.find((l) => regionOf(l) === regionOf(language ?? 'en')) ??
    sameLanguage[0] ??
    (offered.includes(FALLBACK) ? FALLBACK : (offered[0] ?? FALLBACK))
  );
}
