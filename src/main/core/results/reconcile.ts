import type { z } from 'zod';
import type { ReconciliationCounts, resultsApi } from '@shared/api/results';
import { REVENUE_ORDER_STATUSES, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { writeTransaction } from '../db/transaction';

type Kind = keyof ReconciliationCounts;
type ResolveInput = z.output<(typeof resultsApi)['reconciliation.resolve']['input']>;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const unmarked = (kind: string, id: string) =>
  `NOT EXISTS (SELECT 1 FROM reconciliation_marks rm WHERE rm.record_kind = '${kind}' AND rm.record_id = ${id})`;

/** How an order or a payment appears in a list, whichever list it is in. */
const ORDER_ROWS = {
  select: `o.id, 'order' AS kind, o.ordered_at AS at, o.source || ' ' || o.external_id AS title,
           o.total_minor - o.refunded_minor AS amountMinor, o.customer_email AS email`,
  order: 'o.ordered_at DESC, o.id',
  at: 'o.ordered_at',
};
const PAYMENT_ROWS = {
  select: `p.id, 'payment' AS kind, p.paid_at AS at, coalesce(nullif(p.description, ''), p.source || ' ' || p.external_id) AS title,
           p.amount_minor - p.refunded_minor AS amountMinor, p.customer_email AS email`,
  order: 'p.paid_at DESC, p.id',
  at: 'p.paid_at',
};

/**
 * Revenue records that do not line up, of all time: orders and payments that count as revenue but reach no
 * contact (so no touch log) or no campaign (not even through their lead), and won deals with no order or
 * payment behind them. Records marked "not applicable" leave the lists.
 */
const LISTS: Record<Kind, { from: string; where: string; select: string; order: string; at: string }> = {
  ordersWithoutContact: {
    from: 'orders o INDEXED BY orders_touch_idx',
    where: `o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)}) AND o.contact_id IS NULL
            AND o.lead_id IS NULL AND ${unmarked('order', 'o.id')}`,
    ...ORDER_ROWS,
  },
  ordersWithoutCampaign: {
    from: 'orders o INDEXED BY orders_touch_idx LEFT JOIN leads l ON l.id = o.lead_id',
    where: `o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)}) AND o.campaign_id IS NULL
            AND l.campaign_id IS NULL AND ${unmarked('order', 'o.id')}`,
    ...ORDER_ROWS,
  },
  paymentsWithoutContact: {
    from: 'payments p INDEXED BY payments_touch_idx',
    where: `p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)}) AND p.contact_id IS NULL
            AND p.lead_id IS NULL AND ${unmarked('payment', 'p.id')}`,
    ...PAYMENT_ROWS,
  },
  paymentsWithoutCampaign: {
    from: 'payments p INDEXED BY payments_touch_idx LEFT JOIN leads l ON l.id = p.lead_id',
    where: `p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)}) AND p.campaign_id IS NULL
            AND l.campaign_id IS NULL AND ${unmarked('payment', 'p.id')}`,
    ...PAYMENT_ROWS,
  },
  wonWithoutPayment: {
    from: `pipeline_stages s JOIN leads l INDEXED BY leads_closed_idx ON l.stage_id = s.id LEFT JOIN contacts ct ON ct.id = l.contact_id`,
    where: `s.outcome = 'won' AND l.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.lead_id = l.id AND o.deleted_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.lead_id = l.id AND p.deleted_at IS NULL)
            AND ${unmarked('lead', 'l.id')}`,
    select: `l.id, 'lead' AS kind, coalesce(l.closed_at, l.updated_at) AS at, l.title, l.value_minor AS amountMinor,
             ct.email AS email`,
    order: 'l.closed_at DESC, l.id',
    at: 'l.closed_at',
  },
};

const where = (q: (typeof LISTS)[Kind]) => `${q.where} AND ${q.at} >= ? AND ${q.at} < ?`;

/** Counting statements, one per list; bound to `[fromIso, untilIso)` (records dated in the period). */
export const RECONCILIATION_SQL = Object.fromEntries(
  Object.entries(LISTS).map(([kind, q]) => [kind, `SELECT count(*) AS n FROM ${q.from} WHERE ${where(q)}`]),
) as Record<Kind, string>;

/** The same lists counted per day (of the date each record is listed under), for the result_days cache. */
export const RECONCILIATION_DAYS_SQL = Object.fromEntries(
  Object.entries(LISTS).map(([kind, q]) => [
    kind,
    `SELECT substr(${q.at}, 1, 10) AS day, count(*) AS n FROM ${q.from} WHERE ${where(q)} GROUP BY day`,
  ]),
) as Record<Kind, string>;

export interface Span {
  fromIso: string;
  untilIso: string;
}
const ALL_TIME: Span = { fromIso: '0000', untilIso: '9999' };

export function reconciliationCounts(ctx: Ctx, span: Span = ALL_TIME): ReconciliationCounts {
  const out = {} as ReconciliationCounts;
  for (const kind of Object.keys(LISTS) as Kind[])
    out[kind] = (
      ctx.sqlite.prepare(RECONCILIATION_SQL[kind]).get(span.fromIso, span.untilIso) as { n: number }
    ).n;
  return out;
}

export function reconciliationList(
  ctx: Ctx,
  kind: Kind,
  limit: number,
  offset: number,
  span: Span = ALL_TIME,
) {
  const q = LISTS[kind];
  const total = (
    ctx.sqlite.prepare(RECONCILIATION_SQL[kind]).get(span.fromIso, span.untilIso) as { n: number }
  ).n;
  const rows = ctx.sqlite
    .prepare(`SELECT ${q.select} FROM ${q.from} WHERE ${where(q)} ORDER BY ${q.order} LIMIT ? OFFSET ?`)
    .all(span.fromIso, span.untilIso, limit, offset) as {
    id: string;
    kind: 'order' | 'payment' | 'lead';
    at: string;
    title: string;
    amountMinor: number;
    email: string | null;
  }[];
  return { total, rows };
}

const TABLES = { order: 'orders', payment: 'payments', lead: 'leads' } as const;

/** Fixes one reconciliation item: link it to a lead or a campaign, or mark that it needs no fix. */
export function resolveReconciliation(ctx: Ctx, input: ResolveInput) {
  return writeTransaction(ctx.sqlite, () => {
    const table = TABLES[input.recordKind];
    const record = ctx.sqlite
      .prepare(`SELECT id FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
      .get(input.id);
    if (!record) fail('not_found', `That ${input.recordKind} does not exist or was deleted.`);
    const now = ctx.nowIso();
    if (input.action === 'not_applicable') {
      ctx.sqlite
        .prepare(
          `INSERT INTO reconciliation_marks (id, created_at, updated_at, record_kind, record_id, action)
           VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, 'not_applicable')
           ON CONFLICT (record_kind, record_id) DO UPDATE SET updated_at = excluded.updated_at`,
        )
        .run(now, now, input.recordKind, input.id);
    } else if (input.action === 'link_lead') {
      if (input.recordKind === 'lead')
        fail('validation', 'A lead cannot be linked to a lead; link its order or payment instead.');
      if (!input.leadId)
        fail('validation', 'Choose the lead to link.', [{ field: 'leadId', message: 'choose a lead' }]);
      const lead = ctx.sqlite
        .prepare('SELECT id, contact_id AS contactId FROM leads WHERE id = ? AND deleted_at IS NULL')
        .get(input.leadId) as { id: string; contactId: string | null } | undefined;
      if (!lead) fail('not_found', 'That lead does not exist or was deleted.');
      ctx.sqlite
        .prepare(
          `UPDATE ${table} SET lead_id = ?, contact_id = coalesce(contact_id, ?), updated_at = ? WHERE id = ?`,
        )
        .run(lead!.id, lead!.contactId, now, input.id);
    } else {
      if (!input.campaignId)
        fail('validation', 'Choose the campaign to link.', [
          { field: 'campaignId', message: 'choose a campaign' },
        ]);
      const campaign = ctx.sqlite
        .prepare('SELECT id FROM campaigns WHERE id = ? AND deleted_at IS NULL')
        .get(input.campaignId);
      if (!campaign) fail('not_found', 'That campaign does not exist or was deleted.');
      ctx.sqlite
        .prepare(`UPDATE ${table} SET campaign_id = ?, updated_at = ? WHERE id = ?`)
        .run(input.campaignId, now, input.id);
    }
    return { id: input.id, recordKind: input.recordKind, action: input.action };
  });
}
