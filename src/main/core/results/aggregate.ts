import {
  orderNetMinor,
  paymentNetMinor,
  pipelineValue,
  REVENUE_ORDER_STATUSES,
  REVENUE_PAYMENT_STATUSES,
  type PipelineLead,
  type PipelineValue,
} from '@shared/domain/kpi';
import { addDays } from '@shared/domain/dates';
import type { DateRange } from '@shared/domain/periods';
import type { Ctx } from '../context';
import { allLeadFacts, campaignLeadFacts } from './leads';
import type { orders, spendEntries } from '../db/schema';
import type { Row } from '../db/typed';

/** Raw counts and sums for a campaign or for the whole business; the KPIs are derived from these. */
export interface Tally {
  spendMinor: number;
  leads: number;
  qualifiedLeads: number;
  won: number;
  lost: number;
  wonValueMinor: number;
  ordersMinor: number;
  paymentsMinor: number;
  wonLeadsMinor: number;
}

export const emptyTally = (): Tally => ({
  spendMinor: 0,
  leads: 0,
  qualifiedLeads: 0,
  won: 0,
  lost: 0,
  wonValueMinor: 0,
  ordersMinor: 0,
  paymentsMinor: 0,
  wonLeadsMinor: 0,
});

export const revenueOf = (t: Tally): number => t.ordersMinor + t.paymentsMinor + t.wonLeadsMinor;

export interface Aggregate {
  /** Everything, including records attributed to no campaign. */
  total: Tally;
  byCampaign: Map<string, Tally>;
  pipeline: PipelineValue;
  otherCurrencyRecords: number;
}

/**
 * Calendar days compare with `BETWEEN`; instants (`2026-03-31T22:10:00.000Z`) are in the window when they
 * are at or after its first day and before the day after its last. Instants are UTC.
 */
function bounds(window: DateRange | null) {
  if (!window) return { fromDay: '0000-01-01', toDay: '9999-12-31', from: '0000', until: '9999-12-31T99' };
  return {
    fromDay: window.startDate,
    toDay: window.endDate,
    from: window.startDate,
    until: addDays(window.endDate, 1),
  };
}

const placeholders = (values: readonly string[]) => values.map(() => '?').join(', ');

/** An order or payment: its campaign (through its lead) and its money columns. */
type MoneyRow = Row<typeof orders, 'status' | 'currency' | 'refundedMinor'> & {
  campaignId: string | null;
  amountMinor: number;
};

/**
 * Spend, leads and revenue in a window (null = all time), for the business and per campaign. With
 * `onlyCampaignId` only that campaign's records are read (the campaign page), and `total` is its tally.
 */
export function aggregate(
  ctx: Ctx,
  window: DateRange | null,
  currency: string,
  onlyCampaignId?: string,
): Aggregate {
  const b = bounds(window);
  const only = onlyCampaignId ?? null;
  const total = emptyTally();
  const byCampaign = new Map<string, Tally>();
  const add = (campaignId: string | null, apply: (t: Tally) => void) => {
    apply(total);
    if (!campaignId) return;
    let tally = byCampaign.get(campaignId);
    if (!tally) byCampaign.set(campaignId, (tally = emptyTally()));
    apply(tally);
  };

  const spend = ctx.sqlite
    .prepare(
      `SELECT se.campaign_id AS campaignId, sum(se.amount_minor) AS minor
       FROM counted_spend se JOIN campaigns c ON c.id = se.campaign_id
       WHERE se.deleted_at IS NULL AND c.deleted_at IS NULL AND se.date BETWEEN ? AND ?
         AND (? IS NULL OR se.campaign_id = ?)
       GROUP BY se.campaign_id`,
    )
    .all(b.fromDay, b.toDay, only, only) as (Row<typeof spendEntries, 'campaignId'> & { minor: number })[];
  for (const row of spend) add(row.campaignId, (t) => (t.spendMinor += row.minor));

  const linked = new Set(
    (
      ctx.sqlite
        .prepare(
          `SELECT lead_id AS id FROM orders WHERE lead_id IS NOT NULL AND deleted_at IS NULL
           UNION SELECT lead_id FROM payments WHERE lead_id IS NOT NULL AND deleted_at IS NULL`,
        )
        .all() as { id: NonNullable<Row<typeof orders>['leadId']> }[]
    ).map((r) => r.id),
  );
  const inWindow = (instant: string | null) => instant !== null && instant >= b.from && instant < b.until;
  const open: PipelineLead[] = [];
  for (const lead of only ? campaignLeadFacts(ctx, only) : allLeadFacts(ctx)) {
    if (inWindow(lead.createdAt)) {
      add(lead.campaignId, (t) => {
        t.leads++;
        if (lead.qualified) t.qualifiedLeads++;
      });
    }
    const closedInWindow = window === null || inWindow(lead.closedAt);
    if (lead.stageOutcome === 'won' && closedInWindow) {
      add(lead.campaignId, (t) => {
        t.won++;
        t.wonValueMinor += lead.valueMinor;
        if (!linked.has(lead.id)) t.wonLeadsMinor += lead.valueMinor;
      });
    } else if (lead.stageOutcome === 'lost' && closedInWindow) {
      add(lead.campaignId, (t) => t.lost++);
    } else if (lead.stageOutcome === 'open' && lead.createdAt < b.until) {
      open.push({ valueMinor: lead.valueMinor, probability: lead.probability, outcome: 'open' });
    }
  }

  let otherCurrencyRecords = 0;
  const money = (sql: string, statuses: readonly string[], apply: (t: Tally, row: MoneyRow) => void) => {
    const rows = ctx.sqlite.prepare(sql).all(...statuses, b.from, b.until, only, only) as MoneyRow[];
    for (const row of rows) {
      if (row.currency.toUpperCase() !== currency) otherCurrencyRecords++;
      else add(row.campaignId, (t) => apply(t, row));
    }
  };
  // An order without a campaign of its own is attributed through its lead, as the design describes.
  money(
    `SELECT coalesce(o.campaign_id, l.campaign_id) AS campaignId, o.status, o.currency,
            o.total_minor AS amountMinor, o.refunded_minor AS refundedMinor
     FROM orders o LEFT JOIN leads l ON l.id = o.lead_id
     WHERE o.deleted_at IS NULL AND o.status IN (${placeholders(REVENUE_ORDER_STATUSES)})
       AND o.ordered_at >= ? AND o.ordered_at < ?
       AND (? IS NULL OR coalesce(o.campaign_id, l.campaign_id) = ?)`,
    REVENUE_ORDER_STATUSES,
    (t, row) => (t.ordersMinor += orderNetMinor({ ...row, totalMinor: row.amountMinor })),
  );
  money(
    `SELECT coalesce(p.campaign_id, l.campaign_id) AS campaignId, p.status, p.currency,
            p.amount_minor AS amountMinor, p.refunded_minor AS refundedMinor
     FROM payments p LEFT JOIN leads l ON l.id = p.lead_id
     WHERE p.deleted_at IS NULL AND p.status IN (${placeholders(REVENUE_PAYMENT_STATUSES)})
       AND p.paid_at >= ? AND p.paid_at < ?
       AND (? IS NULL OR coalesce(p.campaign_id, l.campaign_id) = ?)`,
    REVENUE_PAYMENT_STATUSES,
    (t, row) => (t.paymentsMinor += paymentNetMinor(row)),
  );

  return { total, byCampaign, pipeline: pipelineValue(open), otherCurrencyRecords };
}
