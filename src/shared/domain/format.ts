import { currencyDecimals } from './currency';

/** The one place money and dates are turned into text for the user's locale and currency. */
export interface Formatter {
  money(minor: number): string;
  number(value: number): string;
  percent(fraction: number): string;
  date(isoDate: string): string;
  dateTime(isoInstant: string): string;
}

export function createFormatter(locale: string, currency: string): Formatter {
  const decimals = currencyDecimals(currency);
  const moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const numberFmt = new Intl.NumberFormat(locale);
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    money: (minor) => moneyFmt.format(minor / 10 ** decimals),
    number: (value) => numberFmt.format(value),
    percent: (fraction) => percentFmt.format(fraction),
    // Calendar days are formatted in UTC so that 2026-03-31 never shows as the 30th west of Greenwich.
    date: (isoDate) => dateFmt.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (isoInstant) => dateTimeFmt.format(new Date(isoInstant)),
  };
}
