import { scaleMinor } from '@shared/domain/money';
import { addDays } from '@shared/domain/dates';
import type { Ctx } from '../context';
import type { campaigns, leads } from '../db/schema';
import { statement, type Row } from '../db/typed';
import type { Window } from './conversions';
import { createdLeads, leadsByDay, openPipeline, stagesById } from './lead-rollups';
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

type ClosedLead = Row<typeof leads, 'createdAt' | 'campaignId' | 'valueMinor' | 'stageId' | 'lostReason'> & {
  closedAt: string;
  channel: string | null;
};
type SpendRow = { campaignId: string; channel: string; date: string; minor: number };
type ReachRow = {
  campaignId: string | null;
  channel: string | null;
  metric: 'reach' | 'impressions';
  value: number;
};

const CAMPAIGN_CHANNELS = statement<Row<typeof campaigns, 'id' | 'channel'>, []>(
  'SELECT id, channel FROM campaigns',
);

export const windowOf = (fromDay: string, toDay: string): Window => ({
  fromDay,
  toDay,
  fromIso: `${fromDay}T00:00:00.000Z`,
  untilIso: `${addDays(toDay, 1)}T00:00:00.000Z`,
});

/**
 * Closed leads from the covering index alone; their stage's outcome and campaign's channel are looked up once
 * each (a lead's own channel counts only without a campaign: the foreign key keeps its campaign in the table).
 */
export const LEADS_CLOSED = statement<ClosedLead, [string, string]>(`
  SELECT l.created_at AS createdAt, l.closed_at AS closedAt, l.campaign_id AS campaignId,
         CASE WHEN l.campaign_id IS NULL THEN l.channel END AS channel,
         l.value_minor AS valueMinor, l.stage_id AS stageId, l.lost_reason AS lostReason
  FROM leads l INDEXED BY leads_closed_idx
  WHERE l.deleted_at IS NULL AND l.closed_at >= ? AND l.closed_at < ?`);

export const SPEND = statement<SpendRow, [string, string]>(`
  SELECT se.campaign_id AS campaignId, c.channel, se.date, sum(se.amount_minor) AS minor
  FROM counted_spend se JOIN campaigns c ON c.id = se.campaign_id
  WHERE se.deleted_at IS NULL AND c.deleted_at IS NULL AND se.date BETWEEN ? AND ?
  GROUP BY se.campaign_id, se.date`);

/**
 * Reach and impressions come from campaign rows of ad and social imports: each campaign's rows of the period
 * are one range of metric_reach_idx, and rows naming no campaign another.
 */
export const REACH = statement<ReachRow, [string, string, string, string]>(`
  SELECT c.id AS campaignId, c.channel, m.metric, sum(m.value) AS value
  FROM campaigns c CROSS JOIN metric_observations m INDEXED BY metric_reach_idx ON m.campaign_id = c.id
  WHERE m.metric IN ('reach', 'impressions') AND m.date BETWEEN ? AND ?
  GROUP BY c.id, m.metric
  UNION ALL
  SELECT NULL, NULL, metric, sum(value) FROM metric_observations INDEXED BY metric_reach_idx
  WHERE campaign_id IS NULL AND metric IN ('reach', 'impressions') AND date BETWEEN ? AND ?
  GROUP BY metric`);

export const VISITS = statement<
  { date: string; site: number | null; channels: number | null },
  [string, string]
>(`
  SELECT date, sum(CASE WHEN scope = 'site' THEN value END) AS site,
         sum(CASE WHEN scope LIKE 'channel:%' THEN value END) AS channels
  FROM metric_observations WHERE metric = 'visits' AND date BETWEEN ? AND ? GROUP BY date`);

export const HAS_VISITS = statement<{ found: 1 }, [string, string]>(
  "SELECT 1 AS found FROM metric_observations WHERE metric = 'visits' AND date BETWEEN ? AND ? LIMIT 1",
);

/** Daily visits of a range: days without any visit rows are missing, not zero. */
export function visitsByDay(ctx: Ctx, fromDay: string, toDay: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of VISITS.all(ctx.sqlite, fromDay, toDay)) {
    const v = r.site ?? r.channels;
    if (v !== null) out.set(r.date, Math.round(v));
  }
  return out;
}

/** The period's tallies, and `add`, which applies a change to the total, the campaign's and the channel's. */
export function tallies() {
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
  return { total, byCampaign, byChannel, add };
}

export const bumpDay = (map: Map<string, number>, day: string, n: number) =>
  map.set(day, (map.get(day) ?? 0) + n);

/** Everything but revenue for one period, by campaign and by channel. */
export function periodFacts(ctx: Ctx, window: Window): PeriodFacts {
  const { total, byCampaign, byChannel, add } = tallies();
  const spendByDay = new Map<string, number>();

  const spend = SPEND.all(ctx.sqlite, window.fromDay, window.toDay);
  for (const r of spend) {
    add(r.campaignId, r.channel, (t) => (t.spendMinor += r.minor));
    bumpDay(spendByDay, r.date, r.minor);
  }
  const reach = REACH.all(ctx.sqlite, window.fromDay, window.toDay, window.fromDay, window.toDay);
  for (const r of reach) add(r.campaignId, r.channel, (t) => (t[r.metric] += Math.round(r.value)));

  const stages = stagesById(ctx);
  let noCampaignLeads = 0;
  let unattributedLeads = 0;
  for (const pair of createdLeads(ctx, window, stages, qualifiedPosition(ctx))) {
    add(pair.campaignId, pair.channel, (t) => {
      t.leads += pair.leads;
      t.qualifiedLeads += pair.qualified;
      t.ratingSum += pair.ratingSum;
      t.ratingCount += pair.ratingCount;
    });
    if (!pair.campaignId) {
      if (pair.channel) noCampaignLeads += pair.leads;
      else unattributedLeads += pair.leads;
    }
  }

  const campaignChannels = new Map(CAMPAIGN_CHANNELS.all(ctx.sqlite).map((c) => [c.id, c.channel]));
  const lostReasons = new Map<string, number>();
  for (const lead of LEADS_CLOSED.all(ctx.sqlite, window.fromIso, window.untilIso)) {
    const outcome = stages.get(lead.stageId)?.outcome;
    if (outcome !== 'won' && outcome !== 'lost') continue;
    const channel =
      lead.campaignId === null
        ? lead.channel === 'unknown'
          ? null
          : lead.channel
        : (campaignChannels.get(lead.campaignId) ?? null);
    if (outcome === 'won') {
      const days = Math.max(0, (Date.parse(lead.closedAt) - Date.parse(lead.createdAt)) / DAY);
      add(lead.campaignId, channel, (t) => {
        t.won++;
        t.wonValueMinor += lead.valueMinor;
        t.cycleDays += days;
      });
    } else {
      add(lead.campaignId, channel, (t) => t.lost++);
      const reason = lead.lostReason?.trim() || 'No reason given';
      lostReasons.set(reason, (lostReasons.get(reason) ?? 0) + 1);
    }
  }

  const current = window.untilIso > ctx.nowIso();
  const p = openPipeline(ctx, stages, current ? null : window.untilIso.slice(0, 10));

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
    leadsByDay: leadsByDay(ctx, window),
    hasMetrics,
  };
}
