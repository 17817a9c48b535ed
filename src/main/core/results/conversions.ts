import {
  orderNetMinor,
  paymentNetMinor,
  REVENUE_ORDER_STATUSES,
  REVENUE_PAYMENT_STATUSES,
} from '@shared/domain/kpi';
import type { Ctx } from '../context';

/**
 * Revenue events of a window, per the REVENUE rule of shared/domain/kpi: paid orders net of refunds,
 * succeeded payments net of refunds, and won leads with no order or payment linked to them. Each carries the
 * contact whose touches it is attributed over (the order's own contact, else its lead's).
 */
export interface RevenueConversion {
  kind: 'order' | 'payment' | 'lead';
  id: string;
  at: string;
  contactId: string | null;
  valueMinor: number;
  /** Gross amount before refunds (orders and payments) or the deal value (leads). */
  amountMinor: number;
  title: string;
  contactName: string | null;
}

/** Instants of a window of calendar days: `[from 00:00Z, day after to 00:00Z)`. */
export interface Window {
  fromDay: string;
  toDay: string;
  fromIso: string;
  untilIso: string;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const NAME = `nullif(trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')), '')`;

export const ORDER_CONVERSIONS = `
  SELECT 'order' AS kind, o.id, o.ordered_at AS at, coalesce(o.contact_id, l.contact_id) AS contactId,
         o.status, o.currency, o.total_minor AS amountMinor, o.refunded_minor AS refundedMinor,
         o.source || ' ' || o.external_id AS title, coalesce(${NAME}, o.customer_name) AS contactName
  FROM orders o INDEXED BY orders_date_idx
  LEFT JOIN leads l ON l.id = o.lead_id
  LEFT JOIN contacts ct ON ct.id = coalesce(o.contact_id, l.contact_id)
  WHERE o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)})
    AND o.ordered_at >= ? AND o.ordered_at < ?`;

export const PAYMENT_CONVERSIONS = `
  SELECT 'payment' AS kind, p.id, p.paid_at AS at, coalesce(p.contact_id, l.contact_id) AS contactId,
         p.status, p.currency, p.amount_minor AS amountMinor, p.refunded_minor AS refundedMinor,
         coalesce(nullif(p.description, ''), p.source || ' ' || p.external_id) AS title,
         coalesce(${NAME}, p.customer_email) AS contactName
  FROM payments p INDEXED BY payments_date_idx
  LEFT JOIN leads l ON l.id = p.lead_id
  LEFT JOIN contacts ct ON ct.id = coalesce(p.contact_id, l.contact_id)
  WHERE p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)})
    AND p.paid_at >= ? AND p.paid_at < ?`;

// INDEXED BY: the period's dates are always the selective part; without statistics SQLite might otherwise
// walk every won lead (by stage) or every order without a lead.
/** Won leads whose money is not already counted through a linked order or payment. */
const WON_LEADS_FROM = `
  FROM leads l INDEXED BY leads_closed_idx
  JOIN pipeline_stages s ON s.id = l.stage_id`;
const WON_LEADS_WHERE = `
  WHERE l.deleted_at IS NULL AND s.outcome = 'won' AND l.closed_at >= ? AND l.closed_at < ?
    AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.lead_id = l.id AND o.deleted_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.lead_id = l.id AND p.deleted_at IS NULL)`;
export const WON_LEAD_CONVERSIONS = `
  SELECT 'lead' AS kind, l.id, l.closed_at AS at, l.contact_id AS contactId, 'won' AS status,
         NULL AS currency, l.value_minor AS amountMinor, 0 AS refundedMinor, l.title, ${NAME} AS contactName
  ${WON_LEADS_FROM}
  LEFT JOIN contacts ct ON ct.id = l.contact_id
  ${WON_LEADS_WHERE}`;
/** The same won leads without title and name, from the covering leads_closed_idx. */
export const WON_LEAD_AMOUNTS = `
  SELECT 'lead' AS kind, l.id, l.closed_at AS at, l.contact_id AS contactId, 'won' AS status,
         NULL AS currency, l.value_minor AS amountMinor, 0 AS refundedMinor, NULL AS title, NULL AS contactName
  ${WON_LEADS_FROM}
  ${WON_LEADS_WHERE}`;

/**
 * The same events without titles and names, read from the covering revenue-by-day indexes alone: the
 * dashboard needs only when, whose and how much.
 */
export const ORDER_AMOUNTS = `
  SELECT 'order' AS kind, NULL AS id, o.ordered_at AS at,
         coalesce(o.contact_id, (SELECT l.contact_id FROM leads l WHERE l.id = o.lead_id)) AS contactId,
         o.status, o.currency, o.total_minor AS amountMinor, o.refunded_minor AS refundedMinor,
         NULL AS title, NULL AS contactName
  FROM orders o INDEXED BY orders_revenue_day_idx
  WHERE o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)})
    AND o.ordered_at >= ? AND o.ordered_at < ?`;

export const PAYMENT_AMOUNTS = `
  SELECT 'payment' AS kind, NULL AS id, p.paid_at AS at,
         coalesce(p.contact_id, (SELECT l.contact_id FROM leads l WHERE l.id = p.lead_id)) AS contactId,
         p.status, p.currency, p.amount_minor AS amountMinor, p.refunded_minor AS refundedMinor,
         NULL AS title, NULL AS contactName
  FROM payments p INDEXED BY payments_revenue_day_idx
  WHERE p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)})
    AND p.paid_at >= ? AND p.paid_at < ?`;

/**
 * Revenue of a window per day, summed in SQL (what totals, the comparison period
 * and plan goals need, with no attribution). `same` is 0 for rows in another currency than the bound one;
 * the amounts follow orderNetMinor and paymentNetMinor of shared/domain/kpi.
 */
const net = (amount: string, refunded: string) => `max(0, ${amount} - max(0, ${refunded}))`;
const same = (currency: string) => `(${currency} IS NULL OR upper(${currency}) = ?) AS same`;
export const ORDER_REVENUE_BY_DAY = `
  SELECT substr(o.ordered_at, 1, 10) AS day, ${same('o.currency')}, count(*) AS n,
         sum(${net('o.total_minor', 'o.refunded_minor')}) AS minor
  FROM orders o INDEXED BY orders_revenue_day_idx
  WHERE o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)})
    AND o.ordered_at >= ? AND o.ordered_at < ?
  GROUP BY day, same`;
export const PAYMENT_REVENUE_BY_DAY = `
  SELECT substr(p.paid_at, 1, 10) AS day, ${same('p.currency')}, count(*) AS n,
         sum(${net('p.amount_minor', 'p.refunded_minor')}) AS minor
  FROM payments p INDEXED BY payments_revenue_day_idx
  WHERE p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)})
    AND p.paid_at >= ? AND p.paid_at < ?
  GROUP BY day, same`;
export const WON_LEAD_REVENUE_BY_DAY = `
  SELECT substr(at, 1, 10) AS day, ${same('currency')}, count(*) AS n, sum(amountMinor) AS minor
  FROM (${WON_LEAD_AMOUNTS}) GROUP BY day, same`;

export interface RevenueByDay {
  totalMinor: number;
  /** Revenue events in the workspace's currency. */
  conversions: number;
  /** Revenue and number of sales (paid orders + succeeded payments) per calendar day (UTC). */
  byDay: Map<string, { revenueMinor: number; sales: number }>;
  otherCurrencyRecords: number;
}

/**
 * Paid orders and succeeded payments per day, read from the revenue_days rollup that triggers keep in step
 * with orders and payments: the same counts and sums as ORDER_REVENUE_BY_DAY and PAYMENT_REVENUE_BY_DAY
 * (the reference the rollup is tested against), without reading the events themselves.
 */
export const REVENUE_DAYS = `
  SELECT day, currency = ? AS same, sum(count) AS n, sum(net_minor) AS minor
  FROM revenue_days WHERE day BETWEEN ? AND ? GROUP BY day, same`;

export const emptyRevenueByDay = (): RevenueByDay => ({
  totalMinor: 0,
  conversions: 0,
  byDay: new Map(),
  otherCurrencyRecords: 0,
});

/** Adds rows of day sums to `out`; `sales` when the rows count sales (orders and payments, not won deals). */
export function addRevenueRows(out: RevenueByDay, rows: unknown[], sales: boolean): void {
  for (const r of rows as { day: string; same: number; n: number; minor: number }[]) {
    if (!r.same) {
      out.otherCurrencyRecords += r.n;
      continue;
    }
    out.totalMinor += r.minor;
    out.conversions += r.n;
    const daily = out.byDay.get(r.day) ?? { revenueMinor: 0, sales: 0 };
    daily.revenueMinor += r.minor;
    if (sales) daily.sales += r.n;
    out.byDay.set(r.day, daily);
  }
}

/** The REVENUE rule's sums per day, without reading events one by one (same numbers as revenueConversions). */
export function revenueByDay(ctx: Ctx, window: Window, currency: string): RevenueByDay {
  const out = emptyRevenueByDay();
  addRevenueRows(out, ctx.sqlite.prepare(REVENUE_DAYS).all(currency, window.fromDay, window.toDay), true);
  addRevenueRows(
    out,
    ctx.sqlite.prepare(WON_LEAD_REVENUE_BY_DAY).all(currency, window.fromIso, window.untilIso),
    false,
  );
  return out;
}

interface ConversionRow {
  kind: RevenueConversion['kind'];
  id: string | null;
  at: string;
  contactId: string | null;
  status: string;
  currency: string | null;
  amountMinor: number;
  refundedMinor: number;
  title: string | null;
  contactName: string | null;
}

export interface ConversionSet {
  conversions: RevenueConversion[];
  /** Orders and payments in another currency than the workspace's: kept out of every sum. */
  otherCurrencyRecords: number;
}

/** With `detail` each event carries its id, title and contact name (for lists); without, only the amounts. */
export function revenueConversions(ctx: Ctx, window: Window, currency: string, detail = true): ConversionSet {
  const conversions: RevenueConversion[] = [];
  let otherCurrencyRecords = 0;
  const statements = detail
    ? [ORDER_CONVERSIONS, PAYMENT_CONVERSIONS, WON_LEAD_CONVERSIONS]
    : [ORDER_AMOUNTS, PAYMENT_AMOUNTS, WON_LEAD_AMOUNTS];
  for (const sql of statements) {
    const rows = ctx.sqlite.prepare(sql).all(window.fromIso, window.untilIso) as ConversionRow[];
    for (const row of rows) {
      if (row.currency !== null && row.currency.toUpperCase() !== currency) {
        otherCurrencyRecords++;
        continue;
      }
      const valueMinor =
        row.kind === 'order'
          ? orderNetMinor({
              status: row.status,
              totalMinor: row.amountMinor,
              refundedMinor: row.refundedMinor,
            })
          : row.kind === 'payment'
            ? paymentNetMinor(row)
            : row.amountMinor;
      conversions.push({
        kind: row.kind,
        id: row.id ?? '',
        at: row.at,
        contactId: row.contactId,
        valueMinor,
        amountMinor: row.amountMinor,
        title: row.title ?? '',
        contactName: row.contactName,
      });
    }
  }
  return { conversions, otherCurrencyRecords };
}
