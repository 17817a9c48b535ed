import type { Ctx } from '../context';
import { orderColumns, paymentColumns, type OrderExportRow, type PaymentExportRow } from './columns';
import type { Filter, Period } from './crm-sources';
import type { ExportSource } from './source';
import { ORDERS } from '../orders/orders';
import { PAYMENTS } from '../orders/payments';
import { whereOf, type TableSpec } from '../orders/query';

/**
 * The Orders and Payments lists' own filter (orders/query.ts), so an export holds exactly the rows the screen
 * lists; a period given apart from the filter narrows it the same way.
 */
function salesWhere(spec: TableSpec, filter: Filter<'orders'>, period?: Period) {
  const f = { ...filter, ...(period ? { from: period.from, to: period.to } : {}) };
  const { sql, params } = whereOf(spec, f);
  return { clause: sql, params };
}

/** What the filter may read: the record's lead and the contact of the record or else of its lead. */
const LINKS = (a: 'o' | 'p') => `LEFT JOIN leads l ON l.id = ${a}.lead_id
  LEFT JOIN contacts ct ON ct.id = coalesce(${a}.contact_id, l.contact_id)`;

/** One row per line item (an order without lines is one row), order fields repeated on each. */
export function ordersSource(
  ctx: Ctx,
  filter: Filter<'orders'>,
  period?: Period,
): ExportSource<OrderExportRow> {
  const { clause, params } = salesWhere(ORDERS, filter, period);
  return {
    columns: orderColumns,
    count: () =>
      ctx.sqlite
        .prepare(
          `SELECT coalesce(sum(max((SELECT count(*) FROM order_lines ol WHERE ol.order_id = o.id), 1)), 0) FROM orders o ${LINKS('o')} WHERE ${clause}`,
        )
        .pluck()
        .get(...params) as number,
    rows: () =>
      ctx.sqlite
        .prepare(
          `SELECT o.source, o.external_id AS externalId, o.ordered_at AS orderedAt, o.status, o.currency,
             o.subtotal_minor AS subtotalMinor, o.discount_minor AS discountMinor, o.shipping_minor AS shippingMinor,
             o.tax_minor AS taxMinor, o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor,
             o.customer_email AS email, o.customer_name AS customerName,
             coalesce(cp.tracking_code, o.utm_campaign) AS campaign, o.utm_source AS utmSource,
             o.utm_medium AS utmMedium, o.utm_content AS utmContent, o.discount_code AS discountCode,
             ol.name AS lineName, ol.sku AS lineSku, ol.quantity AS lineQuantity, ol.unit_price_minor AS linePriceMinor
           FROM orders o ${LINKS('o')} LEFT JOIN campaigns cp ON cp.id = o.campaign_id
           LEFT JOIN order_lines ol ON ol.order_id = o.id
           WHERE ${clause} ORDER BY o.ordered_at, o.id, ol.position`,
        )
        .iterate(...params) as Iterable<OrderExportRow>,
  };
}

export function paymentsSource(
  ctx: Ctx,
  filter: Filter<'payments'>,
  period?: Period,
): ExportSource<PaymentExportRow> {
  const { clause, params } = salesWhere(PAYMENTS, filter, period);
  return {
    columns: paymentColumns,
    count: () =>
      ctx.sqlite
        .prepare(`SELECT count(*) FROM payments p ${LINKS('p')} WHERE ${clause}`)
        .pluck()
        .get(...params) as number,
    rows: () =>
      ctx.sqlite
        .prepare(
          `SELECT p.source, p.external_id AS externalId, p.paid_at AS paidAt, p.currency, p.amount_minor AS amountMinor,
             p.refunded_minor AS refundedMinor, p.fee_minor AS feeMinor, p.status, p.description,
             p.customer_email AS email, coalesce(cp.tracking_code, p.utm_campaign) AS campaign
           FROM payments p ${LINKS('p')} LEFT JOIN campaigns cp ON cp.id = p.campaign_id
           WHERE ${clause} ORDER BY p.paid_at, p.id`,
        )
        .iterate(...params) as Iterable<PaymentExportRow>,
  };
}
