import type { RatingSummary } from '@shared/api/leads';
import { addDays, dayStartIso } from '@shared/domain/dates';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';

interface Totals {
  leads: number;
  rated: number;
  ratingSum: number | null;
  high: number | null;
}

const AGGREGATES = `count(*) AS leads, count(l.rating) AS rated, sum(l.rating) AS ratingSum, sum(l.rating >= 4) AS high`;

function toRow(t: Totals) {
  return {
    leads: t.leads,
    rated: t.rated,
    averageRating: t.rated > 0 ? Math.round(((t.ratingSum ?? 0) / t.rated) * 100) / 100 : null,
    shareHigh: t.rated > 0 ? (t.high ?? 0) / t.rated : null,
  };
}

/**
 * How sales rated the leads marketing brought, per source campaign and per channel: how many were rated, the
 * average rating and the share rated 4 or 5. Leads count by creation day within the period (UTC days).
 */
export function ratingSummary(
  ctx: Ctx,
  period: { from?: string | undefined; to?: string | undefined },
): RatingSummary {
  const where = ['l.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (period.from) {
    where.push('l.created_at >= ?');
    params.push(dayStartIso(period.from));
  }
  if (period.to) {
    where.push('l.created_at < ?');
    params.push(dayStartIso(addDays(period.to, 1)));
  }
  const clause = where.join(' AND ');
  const overall = get<Totals>(ctx.sqlite, `SELECT ${AGGREGATES} FROM leads l WHERE ${clause}`, ...params);
  const byCampaign = all<
    Totals & { campaignId: string | null; campaignName: string | null; channel: string | null }
  >(
    ctx.sqlite,
    `SELECT l.campaign_id AS campaignId, cp.name AS campaignName, cp.channel AS channel, ${AGGREGATES}
     FROM leads l LEFT JOIN campaigns cp ON cp.id = l.campaign_id
     WHERE ${clause} GROUP BY l.campaign_id ORDER BY leads DESC, cp.name`,
    ...params,
  );
  const byChannel = all<Totals & { channel: string }>(
    ctx.sqlite,
    `SELECT l.channel AS channel, ${AGGREGATES} FROM leads l WHERE ${clause} GROUP BY l.channel ORDER BY leads DESC, l.channel`,
    ...params,
  );
  return {
    overall: toRow(overall ?? { leads: 0, rated: 0, ratingSum: null, high: null }),
    byCampaign: byCampaign.map((c) => ({
      campaignId: c.campaignId,
      campaignName: c.campaignName ?? (c.campaignId ? 'Deleted campaign' : 'No campaign'),
      channel: c.channel,
      ...toRow(c),
    })),
    byChannel: byChannel.map((c) => ({ channel: c.channel, ...toRow(c) })),
  };
}
