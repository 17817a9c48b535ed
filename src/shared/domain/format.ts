import { currencyDecimals } from './currency';

/**
 * The language of Tandem's own words. Month and weekday names follow it, so a German number format does not
 * put "Dez." into an English sentence; the order of day, month and year, the clock and every number follow
 * the workspace's locale.
 */
export const UI_LANGUAGE = 'en';

/**
 * The locale that names months and weekdays for a workspace locale: the UI language in the locale's region
 * (de-DE gives en-DE: "3 Dec 2026", 24-hour clock), or the plain UI language where that pairing is unknown.
 */
export function nameLocale(locale: string): string {
  let region: string | undefined;
  try {
    const parsed = new Intl.Locale(locale);
    if (parsed.language === UI_LANGUAGE) return locale;
    region = parsed.maximize().region;
  } catch {
    return UI_LANGUAGE;
  }
  const candidate = region ? `${UI_LANGUAGE}-${region}` : UI_LANGUAGE;
  return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : UI_LANGUAGE;
}

const englishPlural = new Intl.PluralRules(UI_LANGUAGE);

/**
 * A date format of the workspace's locale, unless it spells the month out in another language: de-DE keeps
 * its 31.03.2026, fr-FR's "31 mars 2026" becomes "31 Mar 2026" (en-FR).
 */
function localDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const local = new Intl.DateTimeFormat(locale, options);
  const spelled = local
    .formatToParts(new Date(Date.UTC(2026, 2, 31, 12)))
    .some((p) => p.type === 'month' && /\p{L}/u.test(p.value));
  const names = nameLocale(locale);
  return spelled && names !== locale ? new Intl.DateTimeFormat(names, options) : local;
}

/** The one place money and dates are turned into text for the user's locale and currency. */
export interface Formatter {
  money(minor: number): string;
  number(value: number): string;
  percent(fraction: number): string;
  date(isoDate: string): string;
  dateTime(isoInstant: string): string;
  /** "1 contact", "1,204 contacts": the number in the workspace's locale, the noun as the count needs it. */
  count(value: number, one: string, other: string): string;
  /** The locale for month and weekday names (see `nameLocale`). */
  names: string;
}

export function createFormatter(locale: string, currency: string): Formatter {
  const decimals = currencyDecimals(currency);
  const names = nameLocale(locale);
  const moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const numberFmt = new Intl.NumberFormat(locale);
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFmt = localDateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = localDateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    money: (minor) => moneyFmt.format(minor / 10 ** decimals),
    number: (value) => numberFmt.format(value),
    percent: (fraction) => percentFmt.format(fraction),
    // Calendar days are formatted in UTC so that 2026-03-31 never shows as the 30th west of Greenwich.
    date: (isoDate) => dateFmt.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (isoInstant) => dateTimeFmt.format(new Date(isoInstant)),
    count: (value, one, other) =>
      `${numberFmt.format(value)} ${englishPlural.select(value) === 'one' ? one : other}`,
    names,
  };
}
