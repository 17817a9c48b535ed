import type { z } from 'zod';
import type {
  CampaignDetail,
  CampaignLinks,
  CampaignLinksInput,
  CampaignMetrics,
} from '@shared/api/campaigns';
import { orderNetMinor } from '@shared/domain/kpi';
import { budgetUsage } from '@shared/domain/money';
import { campaignUrl, contentUrl } from '@shared/domain/utm';
import type { Ctx } from '../context';
import { contentForCampaign } from '../content/service';
import { aggregate, emptyTally } from '../results/aggregate';
import { campaignLeadFacts } from '../results/leads';
import { campaignResults } from '../results/totals';
import { getSettings } from '../settings/service';
import { listSpend } from '../spend/service';
import { spendOverlaps } from '../spend/overlap';
import { getCampaign } from './service';
import type { orders } from '../db/schema';
import type { Row } from '../db/typed';

type OrderRow = Row<
  typeof orders,
  'id' | 'externalId' | 'orderedAt' | 'status' | 'customerName' | 'currency' | 'totalMinor' | 'refundedMinor'
>;

/** Orders credited to the campaign: its own, and those without a campaign whose lead came from it. */
function campaignOrders(ctx: Ctx, campaignId: string): CampaignDetail['orders'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT o.id, o.external_id AS externalId, o.ordered_at AS orderedAt, o.status,
              o.customer_name AS customerName, o.currency, o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor
       FROM orders o LEFT JOIN leads l ON l.id = o.lead_id
       WHERE o.deleted_at IS NULL AND coalesce(o.campaign_id, l.campaign_id) = ?
       ORDER BY o.ordered_at DESC, o.id`,
    )
    .all(campaignId) as OrderRow[];
  return rows.map((o) => ({ ...o, revenueMinor: orderNetMinor(o) }));
}

/** What metric imports brought for the campaign: reach, impressions and clicks, summed over their days. */
function campaignMetrics(ctx: Ctx, campaignId: string): CampaignMetrics {
  const row = ctx.sqlite
    .prepare(
      `SELECT sum(CASE WHEN metric = 'reach' THEN value END) AS reach,
              sum(CASE WHEN metric = 'impressions' THEN value END) AS impressions,
              sum(CASE WHEN metric = 'clicks' THEN value END) AS clicks,
              count(DISTINCT date) AS days, min(date) AS firstDay, max(date) AS lastDay,
              group_concat(DISTINCT source) AS sources
       FROM metric_observations
       WHERE metric IN ('reach', 'impressions', 'clicks') AND scope = 'campaign:' || ?`,
    )
    .get(campaignId) as Omit<CampaignMetrics, 'sources'> & { sources: string | null };
  return { ...row, sources: row.sources ? row.sources.split(',').sort() : [] };
}

export function campaignDetail(ctx: Ctx, id: string): CampaignDetail {
  const campaign = getCampaign(ctx, id);
  const { currency } = getSettings(ctx);
  const tally = aggregate(ctx, null, currency, id).byCampaign.get(id) ?? emptyTally();
  const spend = listSpend(ctx, { campaignId: id, offset: 0, limit: 1000 });
  return {
    currency,
    campaign,
    results: campaignResults({ ...campaign }, tally),
    revenue: {
      ordersMinor: tally.ordersMinor,
      paymentsMinor: tally.paymentsMinor,
      wonLeadsMinor: tally.wonLeadsMinor,
    },
    budget: budgetUsage(campaign.budgetMinor, tally.spendMinor),
    spend: spend.rows,
    content: contentForCampaign(ctx, id),
    leads: campaignLeadFacts(ctx, id).map((l) => ({
      id: l.id,
      title: l.title,
      contactName: l.contactName,
      stageName: l.stageName,
      stageOutcome: l.stageOutcome,
      rating: l.rating,
      ratingNote: l.ratingNote,
      qualified: l.qualified,
      valueMinor: l.valueMinor,
      createdAt: l.createdAt,
      closedAt: l.closedAt,
    })),
    orders: campaignOrders(ctx, id),
    spendOverlap: spendOverlaps(ctx.sqlite, { campaignId: id })[0] ?? null,
    metrics: campaignMetrics(ctx, id),
  };
}

/** Tagged links for the campaign and each of its content items (the item's own link, else the page given). */
export function campaignLinks(ctx: Ctx, input: z.output<typeof CampaignLinksInput>): CampaignLinks {
  const campaign = getCampaign(ctx, input.id);
  const page = input.url || campaign.landingUrl;
  const code = campaign.trackingCode;
  const content = contentForCampaign(ctx, campaign.id);
  if (!code) {
    const problem = 'this campaign has no tracking code yet';
    return {
      url: null,
      problem,
      content: content.map((c) => ({ id: c.id, title: c.title, utmContent: c.utmContent, url: null })),
    };
  }
  const tags = { channel: campaign.channel, trackingCode: code };
  const main = page ? campaignUrl(page, tags, { source: input.source, medium: input.medium }) : null;
  return {
    url: main?.ok ? main.url : null,
    problem: main === null ? 'enter the page to link to' : main.ok ? null : main.message,
    content: content.map((c) => {
      const link = c.link || page;
      const tagged = link ? contentUrl(link, tags, c) : null;
      return { id: c.id, title: c.title, utmContent: c.utmContent, url: tagged?.ok ? tagged.url : null };
    }),
  };
}
