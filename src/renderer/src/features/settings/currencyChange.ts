import type { CurrencyCount, CurrencyPreview } from '@shared/api/settings';
import { createFormatter, type Formatter } from '@shared/domain/format';

const plural = (format: Formatter, n: number, one: string, many: string) =>
  `${format.number(n)} ${n === 1 ? one : many}`;

/** "3 orders in USD (1.234,00 $)": imported sales keep their own currency, so their total shows in it. */
export function salesLine(c: CurrencyCount, locale: string, format: Formatter): string {
  const noun = c.kind === 'orders' ? ['order', 'orders'] : ['payment', 'payments'];
  const money = createFormatter(locale, c.currency).money(c.amountMinor);
  return `${plural(format, c.count, noun[0]!, noun[1]!)} in ${c.currency} (${money})`;
}

export interface CurrencyChangeText {
  /** What is relabelled: "2 campaigns with a budget or revenue target", … */
  relabelled: string[];
  /** Counted now, left out after. */
  excludedAfter: string[];
  /** Left out now, counted after. */
  includedAfter: string[];
  /** Left out before and after. */
  stillExcluded: string[];
}

/** What the Settings dialog says a currency change does, from the core's preview. */
export function currencyChangeText(
  preview: CurrencyPreview,
  locale: string,
  format: Formatter,
): CurrencyChangeText {
  const relabelled = [
    preview.campaigns > 0 &&
      plural(
        format,
        preview.campaigns,
        'campaign with a budget or revenue target',
        'campaigns with a budget or revenue target',
      ),
    preview.spendEntries > 0 && plural(format, preview.spendEntries, 'spend entry', 'spend entries'),
    preview.leadsWithValue > 0 &&
      plural(format, preview.leadsWithValue, 'lead with a value', 'leads with a value'),
    preview.plans > 0 && plural(format, preview.plans, 'plan with money goals', 'plans with money goals'),
  ].filter((s): s is string => typeof s === 'string');
  const lines = (list: CurrencyCount[]) => list.map((c) => salesLine(c, locale, format));
  return {
    relabelled,
    excludedAfter: lines(preview.excludedAfter),
    includedAfter: lines(preview.includedAfter),
    stillExcluded: lines(preview.stillExcluded),
  };
}
