import { isQualifiedLead, QUALIFYING_RATING } from '@shared/domain/kpi';
import { scaleMinor } from '@shared/domain/money';
import type { Ctx } from '../context';
import type { Window } from './conversions';
import { qualifiedPosition } from './leads';
import { bumpDay, HAS_VISITS, SPEND, tallies, visitsByDay, type PeriodFacts } from './period';

/**
 * periodFacts as it was before the lead rollups of migration 0020: every lead of the period read from the
 * leads table with its stage history, the closed leads with their stage and campaign joined, reach over the
 * metric rows by metric and date, the open pipeline over the board's index. Used by tests only, as the
 * reference the rollups must equal.
 */

const DAY = 86_400_000;

const LEADS_CREATED = `
  SELECT l.id, l.created_at AS createdAt, l.campaign_id AS campaignId,
         coalesce(c.channel, nullif(l.channel, 'unknown')) AS channel, l.rating,
         s.position AS stagePosition, s.outcome AS stageOutcome,
         CASE WHEN l.rating >= ${QUALIFYING_RATING} OR s.outcome = 'won' THEN NULL ELSE
           (SELECT max(hs.position) FROM lead_stage_history h JOIN pipeline_stages hs ON hs.id = h.to_stage_id
             WHERE h.lead_id = l.id AND hs.outcome <> 'lost') END AS furthestOpenPosition
  FROM leads l
  JOIN pipeline_stages s ON s.id = l.stage_id
  LEFT JOIN campaigns c ON c.id = l.campaign_id
  WHERE l.deleted_at IS NULL AND l.created_at >= ? AND l.created_at < ?`;

const LEADS_CLOSED = `
  SELECT l.id, l.created_at AS createdAt, l.closed_at AS closedAt, l.campaign_id AS campaignId,
         coalesce(c.channel, nullif(l.channel, 'unknown')) AS channel, l.value_minor AS valueMinor,
         s.outcome, l.lost_reason AS lostReason
  FROM leads l INDEXED BY leads_closed_idx
  JOIN pipeline_stages s ON s.id = l.stage_id
  LEFT JOIN campaigns c ON c.id = l.campaign_id
  WHERE l.deleted_at IS NULL AND l.closed_at >= ? AND l.closed_at < ? AND s.outcome IN ('won', 'lost')`;

const REACH = `
  SELECT m.campaign_id AS campaignId, c.channel, m.metric, sum(m.value) AS value
  FROM metric_observations m LEFT JOIN campaigns c ON c.id = m.campaign_id
  WHERE m.metric IN ('reach', 'impressions') AND m.date BETWEEN ? AND ?
  GROUP BY m.campaign_id, m.metric`;

const OPEN_PIPELINE = `
  SELECT count(*) AS openLeads, coalesce(sum(l.value_minor), 0) AS unweightedMinor,
         coalesce(sum(l.value_minor * min(100, max(0, s.probability))), 0) AS weightedPercent
  FROM pipeline_stages s CROSS JOIN leads l ON l.stage_id = s.id
  WHERE s.outcome = 'open' AND s.deleted_at IS NULL AND l.deleted_at IS NULL`;
const OPEN_PIPELINE_BEFORE = `${OPEN_PIPELINE} AND l.created_at < ?`;

export function referencePeriodFacts(ctx: Ctx, window: Window): PeriodFacts {
  const { total, byCampaign, byChannel, add } = tallies();
  const spendByDay = new Map<string, number>();
  const leadsByDay = new Map<string, number>();

  const spend = SPEND.all(ctx.sqlite, window.fromDay, window.toDay);
  for (const r of spend) {
    add(r.campaignId, r.channel, (t) => (t.spendMinor += r.minor));
    bumpDay(spendByDay, r.date, r.minor);
  }
  const reach = ctx.sqlite.prepare(REACH).all(window.fromDay, window.toDay) as {
    campaignId: string | null;
    channel: string | null;
    metric: 'reach' | 'impressions';
    value: number;
  }[];
  for (const r of reach) add(r.campaignId, r.channel, (t) => (t[r.metric] += Math.round(r.value)));

  const threshold = qualifiedPosition(ctx);
  let noCampaignLeads = 0;
  let unattributedLeads = 0;
  const created = ctx.sqlite.prepare(LEADS_CREATED).all(window.fromIso, window.untilIso) as {
    createdAt: string;
    campaignId: string | null;
    channel: string | null;
    rating: number | null;
    stagePosition: number;
    stageOutcome: string;
    furthestOpenPosition: number | null;
  }[];
  for (const lead of created) {
    const qualified = isQualifiedLead(lead, threshold);
    add(lead.campaignId, lead.channel, (t) => {
      t.leads++;
      if (qualified) t.qualifiedLeads++;
      if (lead.rating !== null) {
        t.ratingSum += lead.rating;
        t.ratingCount++;
      }
    });
    if (!lead.campaignId) {
      if (lead.channel) noCampaignLeads++;
      else unattributedLeads++;
    }
    bumpDay(leadsByDay, lead.createdAt.slice(0, 10), 1);
  }

  const lostReasons = new Map<string, number>();
  const closed = ctx.sqlite.prepare(LEADS_CLOSED).all(window.fromIso, window.untilIso) as {
    createdAt: string;
    closedAt: string;
    campaignId: string | null;
    channel: string | null;
    valueMinor: number;
    outcome: string;
    lostReason: string | null;
  }[];
  for (const lead of closed) {
    if (lead.outcome === 'won') {
      const days = Math.max(0, (Date.parse(lead.closedAt) - Date.parse(lead.createdAt)) / DAY);
      add(lead.campaignId, lead.channel, (t) => {
        t.won++;
        t.wonValueMinor += lead.valueMinor;
        t.cycleDays += days;
      });
    } else {
      add(lead.campaignId, lead.channel, (t) => t.lost++);
      const reason = lead.lostReason?.trim() || 'No reason given';
      lostReasons.set(reason, (lostReasons.get(reason) ?? 0) + 1);
    }
  }

  const current = window.untilIso > ctx.nowIso();
  const pipelineStmt = ctx.sqlite.prepare(current ? OPEN_PIPELINE : OPEN_PIPELINE_BEFORE);
  const p = (current ? pipelineStmt.get() : pipelineStmt.get(window.untilIso)) as {
    openLeads: number;
    unweightedMinor: number;
    weightedPercent: number;
  };

  const hasMetrics =
    spend.length > 0 ||
    reach.length > 0 ||
    HAS_VISITS.get(ctx.sqlite, window.fromDay, window.toDay) !== undefined;
  return {
    total,
    byCampaign,
    byChannel,
    noCampaignLeads,
    unattributedLeads,
    lostReasons,
    pipeline: {
      openLeads: p.openLeads,
      unweightedMinor: p.unweightedMinor,
      weightedMinor: scaleMinor(p.weightedPercent, 1, 100),
    },
    visitsByDay: visitsByDay(ctx, window.fromDay, window.toDay),
    spendByDay,
    leadsByDay,
    hasMetrics,
  };
}
