import type { CurrencyCount, CurrencyPreview } from '@shared/api/settings';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { getSettings, updateSettings } from './service';
import { fail } from '@shared/contract/result';
import type { Settings } from '@shared/api/settings';
import { writeTransaction } from '../db/transaction';

// What the change relabels: money the workspace holds in its own currency (amounts are never converted).
const RELABELLED = `
  SELECT
    (SELECT count(*) FROM campaigns WHERE deleted_at IS NULL
       AND (budget_minor > 0 OR coalesce(target_revenue_minor, 0) > 0)) AS campaigns,
    (SELECT count(*) FROM spend_entries WHERE deleted_at IS NULL) AS spendEntries,
    (SELECT count(*) FROM leads WHERE deleted_at IS NULL AND value_minor > 0) AS leadsWithValue,
    (SELECT count(*) FROM plans p WHERE p.deleted_at IS NULL
       AND (coalesce(p.goal_revenue_minor, 0) > 0 OR coalesce(p.goal_budget_minor, 0) > 0
            OR EXISTS (SELECT 1 FROM plan_channels pc WHERE pc.plan_id = p.id AND pc.planned_budget_minor > 0))) AS plans`;

// Imported sales per currency, compared as Results compares them (upper case).
const BY_CURRENCY = `
  SELECT 'orders' AS kind, upper(currency) AS currency, count(*) AS count, sum(total_minor) AS amountMinor
  FROM orders WHERE deleted_at IS NULL GROUP BY upper(currency)
  UNION ALL
  SELECT 'payments', upper(currency), count(*), sum(amount_minor) FROM payments
  WHERE deleted_at IS NULL GROUP BY upper(currency)
  ORDER BY 1, 2`;

/** What changing the workspace currency to `to` would do; it changes nothing. */
export function currencyPreview(ctx: Ctx, to: string): CurrencyPreview {
  const from = getSettings(ctx).currency;
  const money = get<Pick<CurrencyPreview, 'campaigns' | 'spendEntries' | 'leadsWithValue' | 'plans'>>(
    ctx.sqlite,
    RELABELLED,
  )!;
  const sales = all<CurrencyCount>(ctx.sqlite, BY_CURRENCY);
  const changes = from !== to;
  return {
    from,
    to,
    ...money,
    relabels:
      changes && money.campaigns + money.spendEntries + money.leadsWithValue + money.plans + sales.length > 0,
    excludedAfter: changes ? sales.filter((s) => s.currency === from) : [],
    includedAfter: changes ? sales.filter((s) => s.currency === to) : [],
    stillExcluded: sales.filter((s) => s.currency !== from && s.currency !== to),
  };
}

/** Undo or redo of a currency change: only from the currency the change left, so a later change is kept. */
export function switchCurrency(ctx: Ctx, expect: string, currency: string): Settings {
  return writeTransaction(ctx.sqlite, () => {
    const now = getSettings(ctx).currency;
    if (now !== expect)
      fail(
        'conflict',
        `The currency is ${now} now, not ${expect}, so it was left as it is. Nothing was undone.`,
      );
    return updateSettings(ctx, { currency });
  });
}
