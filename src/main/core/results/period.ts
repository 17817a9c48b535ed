import { isQualifiedLead, QUALIFYING_RATING } from '@shared/domain/kpi';
import { scaleMinor } from '@shared/domain/money';
import { addDays } from '@shared/domain/dates';
import type { Ctx } from '../context';
import type { Window } from './conversions';
import { qualifiedPosition } from './leads';

/** Counts and sums of one group (the business, a campaign, a channel) in a period. */
export interface Tally {
  spendMinor: number;
  reach: number;
  impressions: number;
  leads: number;
  qualifiedLeads: number;
  ratingSum: number;
  ratingCount: number;
  won: number;
  wonValueMinor: number;
  cycleDays: number;
  lost: number;
}

export const emptyTally = (): Tally => ({
  spendMinor: 0,
  reach: 0,
  impressions: 0,
  leads: 0,
  qualifiedLeads: 0,
  ratingSum: 0,
  ratingCount: 0,
  won: 0,
  wonValueMinor: 0,
  cycleDays: 0,
  lost: 0,
});

export interface PeriodFacts {
  total: Tally;
  byCampaign: Map<string, Tally>;
  byChannel: Map<string, Tally>;
  /** Leads created without a campaign but with a known channel; and with neither. */
  noCampaignLeads: number;
  unattributedLeads: number;
  lostReasons: Map<string, number>;
  pipeline: { unweightedMinor: number; weightedMinor: number; openLeads: number };
  /** Visits per day (site rows, else the sum of channel rows); days without data are absent. */
  visitsByDay: Map<string, number>;
  spendByDay: Map<string, number>;
  leadsByDay: Map<string, number>;
  hasMetrics: boolean;
}

const DAY = 86_400_000;

export const windowOf = (fromDay: string, toDay: string): Window => ({
  fromDay,
  toDay,
  fromIso: `${fromDay}T00:00:00.000Z`,
  untilIso: `${addDays(toDay, 1)}T00:00:00.000Z`,
});

// A lead rated high enough or won is qualified whatever its history, so its history is not read.
export const LEADS_CREATED = `
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

export const LEADS_CLOSED = `
  SELECT l.id, l.created_at AS createdAt, l.closed_at AS closedAt, l.campaign_id AS campaignId,
         coalesce(c.channel, nullif(l.channel, 'unknown')) AS channel, l.value_minor AS valueMinor,
         s.outcome, l.lost_reason AS lostReason
  FROM leads l INDEXED BY leads_closed_idx
  JOIN pipeline_stages s ON s.id = l.stage_id
  LEFT JOIN campaigns c ON c.id = l.campaign_id
  WHERE l.deleted_at IS NULL AND l.closed_at >= ? AND l.closed_at < ? AND s.outcome IN ('won', 'lost')`;

export const SPEND = `
  SELECT se.campaign_id AS campaignId, c.channel, se.date, sum(se.amount_minor) AS minor
  FROM counted_spend se JOIN campaigns c ON c.id = se.campaign_id
  WHERE se.deleted_at IS NULL AND c.deleted_at IS NULL AND se.date BETWEEN ? AND ?
  GROUP BY se.campaign_id, se.date`;

/** Reach and impressions come from campaign rows of ad and social imports. */
export const REACH = `
  SELECT m.campaign_id AS campaignId, c.channel, m.metric, sum(m.value) AS value
  FROM metric_observations m LEFT JOIN campaigns c ON c.id = m.campaign_id
  WHERE m.metric IN ('reach', 'impressions') AND m.date BETWEEN ? AND ?
  GROUP BY m.campaign_id, m.metric`;

export const VISITS = `
  SELECT date, sum(CASE WHEN scope = 'site' THEN value END) AS site,
         sum(CASE WHEN scope LIKE 'channel:%' THEN value END) AS channels
  FROM metric_observations WHERE metric = 'visits' AND date BETWEEN ? AND ? GROUP BY date`;

// The same sums as pipelineValue in shared/domain/kpi, added up in SQL so open leads never reach JS one by one;
// CROSS JOIN keeps the few open stages outside, so each reads its slice of the board index.
export const OPEN_PIPELINE = `
  SELECT count(*) AS openLeads, coalesce(sum(l.value_minor), 0) AS unweightedMinor,
         coalesce(sum(l.value_minor * min(100, max(0, s.probability))), 0) AS weightedPercent
  FROM pipeline_stages s CROSS JOIN leads l ON l.stage_id = s.id
  WHERE s.outcome = 'open' AND s.deleted_at IS NULL AND l.deleted_at IS NULL`;
/** A past period's pipeline leaves out leads created after it; today's reads the board's covering index. */
export const OPEN_PIPELINE_BEFORE = `${OPEN_PIPELINE} AND l.created_at < ?`;

export const HAS_VISITS =
  "SELECT 1 FROM metric_observations WHERE metric = 'visits' AND date BETWEEN ? AND ? LIMIT 1";

/** Daily visits of a range: days without any visit rows are missing, not zero. */
export function visitsByDay(ctx: Ctx, fromDay: string, toDay: string): Map<string, number> {
  const out = new Map<string, number>();
  const rows = ctx.sqlite.prepare(VISITS).all(fromDay, toDay) as {
    date: string;
    site: number | null;
    channels: number | null;
  }[];
  for (const r of rows) {
    const v = r.site ?? r.channels;
    if (v !== null) out.set(r.date, Math.round(v));
  }
  return out;
}

/** Everything but revenue for one period, by campaign and by channel. */
export function periodFacts(ctx: Ctx, window: Window): PeriodFacts {
  const total = emptyTally();
  const byCampaign = new Map<string, Tally>();
  const byChannel = new Map<string, Tally>();
  const tallyOf = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = emptyTally()));
    return t;
  };
  const add = (campaignId: string | null, channel: string | null, apply: (t: Tally) => void) => {
    apply(total);
    if (campaignId) apply(tallyOf(byCampaign, campaignId));
    apply(tallyOf(byChannel, channel ?? 'unknown'));
  };
  const bumpDay = (map: Map<string, number>, day: string, n: number) => map.set(day, (map.get(day) ?? 0) + n);
  const spendByDay = new Map<string, number>();
  const leadsByDay = new Map<string, number>();

  const spend = ctx.sqlite.prepare(SPEND).all(window.fromDay, window.toDay) as {
    campaignId: string;
    channel: string;
    date: string;
    minor: number;
  }[];
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
    ctx.sqlite.prepare(HAS_VISITS).get(window.fromDay, window.toDay) !== undefined;
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
