import { toMajor } from '@shared/domain/currency';
import type { Formatter } from '@shared/domain/format';

/** The workspace's formatter for its own currency; a record in another currency keeps its own. */
export function moneyIn(format: Formatter, locale: string, workspaceCurrency: string) {
  return (minor: number, currency: string) =>
    currency.toUpperCase() === workspaceCurrency.toUpperCase()
      ? format.money(minor)
      : new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency));
}
