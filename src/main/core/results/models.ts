import type { ModelsOut, PaybackOut } from '@shared/api/results';
import { ATTRIBUTION_MODELS, modelDescription, type AttributionModel } from '@shared/domain/attribution';
import { addDays, daysBetween, isoDay } from '@shared/domain/dates';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import { cachedAttribution } from './attribution-cache';
import { attributeRevenue } from './attribution-data';
import { campaignHeads, checkRange } from './dashboard';
import { windowOf } from './period';

const NO_CAMPAIGN = 'No campaign';
const UNATTRIBUTED = 'Unattributed';

/**
 * The same period under every model; campaigns ranked by attributed revenue within each. Read from the
 * attribution cache as the dashboard is (`cold` attributes afresh, the reference the cache is tested against).
 */
export function compareModels(
  ctx: Ctx,
  from: string,
  to: string,
  lookbackDays: number,
  { cold = false } = {},
): ModelsOut {
  checkRange(from, to);
  const { currency } = getSettings(ctx);
  const names = new Map(campaignHeads(ctx).map((c) => [c.id, c.name]));
  const window = windowOf(from, to);
  const ranks = new Set<string>();
  const models = ATTRIBUTION_MODELS.map((model: AttributionModel) => {
    const options = { model, lookbackDays, lastNonDirect: false };
    const revenue = cold
      ? attributeRevenue(ctx, window, currency, options)
      : cachedAttribution(ctx, window, currency, options);
    const campaigns = [...revenue.byCampaign]
      .filter(([id]) => names.has(id))
      .sort((a, b) => b[1] - a[1] || names.get(a[0])!.localeCompare(names.get(b[0])!))
      .map(([campaignId, revenueMinor], i) => ({
        campaignId,
        name: names.get(campaignId)!,
        revenueMinor,
        rank: i + 1,
      }));
    for (const row of campaigns) ranks.add(row.campaignId);
    const rows: ModelsOut['models'][number]['rows'] = [...campaigns];
    const next = campaigns.length + 1;
    rows.push({ campaignId: null, name: NO_CAMPAIGN, revenueMinor: revenue.noCampaignMinor, rank: next });
    rows.push({
      campaignId: null,
      name: UNATTRIBUTED,
      revenueMinor: revenue.unattributed.minor,
      rank: next + 1,
    });
    return { model, label: modelDescription(model, lookbackDays), rows };
  });
  // A campaign missing from a model's ranking (no credit at all) ranks after every credited one.
  const moved: string[] = [];
  for (const id of ranks) {
    const all = models.map((m) => m.rows.find((r) => r.campaignId === id)?.rank ?? m.rows.length - 1);
    if (Math.max(...all) - Math.min(...all) >= 2) moved.push(id);
  }
  return { models, moved };
}

const MAX_WEEKS = 156;

/**
 * Week by week since the campaign's launch (its start date, else its first spend): spend and the revenue
 * the model credits to it, both cumulative, up to today. Pays back in the first week cumulative revenue
 * reaches cumulative spend (with some spend).
 */
export function payback(
  ctx: Ctx,
  campaignId: string,
  model: AttributionModel,
  lookbackDays: number,
): PaybackOut {
  const campaign = ctx.sqlite
    .prepare(
      `SELECT c.start_date AS startDate,
              (SELECT min(date) FROM counted_spend se WHERE se.campaign_id = c.id AND se.deleted_at IS NULL) AS firstSpend
       FROM campaigns c WHERE c.id = ? AND c.deleted_at IS NULL`,
    )
    .get(campaignId) as { startDate: string | null; firstSpend: string | null } | undefined;
  if (!campaign) return fail('not_found', 'That campaign does not exist or was deleted.');
  const today = isoDay(ctx.clock.now());
  const launch = campaign.startDate ?? campaign.firstSpend;
  if (!launch || launch > today) return { weeks: [], paybackWeek: null, model, lookbackDays };
  const weeksCount = Math.min(MAX_WEEKS, Math.floor(daysBetween(launch, today) / 7) + 1);
  const last = addDays(launch, weeksCount * 7 - 1);
  const weekOf = (day: string) => Math.floor(daysBetween(launch, day) / 7);
  const spend = new Array<number>(weeksCount).fill(0);
  const revenue = new Array<number>(weeksCount).fill(0);
  const entries = ctx.sqlite
    .prepare(
      `SELECT date, amount_minor AS minor FROM counted_spend
       WHERE campaign_id = ? AND deleted_at IS NULL AND date BETWEEN ? AND ?`,
    )
    .all(campaignId, launch, last) as { date: string; minor: number }[];
  for (const e of entries) spend[weekOf(e.date)]! += e.minor;
  const { currency } = getSettings(ctx);
  attributeRevenue(
    ctx,
    windowOf(launch, last),
    currency,
    { model, lookbackDays, lastNonDirect: false },
    (c, allocations) => {
      for (const a of allocations)
        if (a.touch.campaignId === campaignId) revenue[weekOf(c.at.slice(0, 10))]! += a.minor;
    },
  );
  let cumulativeSpendMinor = 0;
  let cumulativeRevenueMinor = 0;
  let paybackWeek: number | null = null;
  const weeks = spend.map((spendMinor, i) => {
    cumulativeSpendMinor += spendMinor;
    cumulativeRevenueMinor += revenue[i]!;
    if (paybackWeek === null && cumulativeSpendMinor > 0 && cumulativeRevenueMinor >= cumulativeSpendMinor)
      paybackWeek = i + 1;
    return {
      week: i + 1,
      start: addDays(launch, i * 7),
      spendMinor,
      revenueMinor: revenue[i]!,
      cumulativeSpendMinor,
      cumulativeRevenueMinor,
    };
  });
  return { weeks, paybackWeek, model, lookbackDays };
}
