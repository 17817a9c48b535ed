import { describe, expect, it } from 'vitest';
import type { CurrencyPreview } from '@shared/api/settings';
import { createFormatter } from '@shared/domain/format';
import { currencyChangeText } from './currencyChange';

const none: CurrencyPreview = {
  from: 'USD',
  to: 'EUR',
  campaigns: 0,
  spendEntries: 0,
  leadsWithValue: 0,
  plans: 0,
  relabels: false,
  excludedAfter: [],
  includedAfter: [],
  stillExcluded: [],
};

describe('what the currency dialog says', () => {
  it('lists what keeps its numbers, with plurals', () => {
    const text = currencyChangeText(
      { ...none, campaigns: 1, spendEntries: 2, leadsWithValue: 1, plans: 3, relabels: true },
      'en-US',
      createFormatter('en-US', 'USD'),
    );
    expect(text.relabelled).toEqual([
      '1 campaign with a budget or revenue target',
      '2 spend entries',
      '1 lead with a value',
      '3 plans with money goals',
    ]);
  });

  it('lists imported sales with counts and totals in their own currency', () => {
    const text = currencyChangeText(
      {
        ...none,
        relabels: true,
        excludedAfter: [{ kind: 'orders', currency: 'USD', count: 2, amountMinor: 1_234_50 }],
        includedAfter: [{ kind: 'payments', currency: 'EUR', count: 1, amountMinor: 10_00 }],
        stillExcluded: [{ kind: 'orders', currency: 'JPY', count: 3, amountMinor: 4500 }],
      },
      'de-DE',
      createFormatter('de-DE', 'USD'),
    );
    expect(text.relabelled).toEqual([]);
    expect(text.excludedAfter).toEqual(['2 orders in USD (1.234,50\u00a0$)']);
    expect(text.includedAfter).toEqual(['1 payment in EUR (10,00\u00a0€)']);
    expect(text.stillExcluded).toEqual(['3 orders in JPY (4.500\u00a0¥)']);
  });
});
