import type { Ctx } from '../context';
import { orderColumns, paymentColumns, type OrderExportRow, type PaymentExportRow } from './columns';
import type { Filter, Period } from './crm-sources';
import type { ExportSource } from './source';

/** The filters orders and payments share, over the table aliased `t` and its date column. */
function salesWhere(filter: Filter<'orders'>, dateColumn: string, nameColumn: string, period?: Period) {
  const where = ['t.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (period) {
    // Instants are UTC `…Z`; a day's sales sort between its first and last millisecond.
    where.push(`t.${dateColumn} >= ? AND t.${dateColumn} <= ?`);
    params.push(`${period.from}T00:00:00.000Z`, `${period.to}T23:59:59.999Z`);
  }
  if (filter.status) {
    where.push('t.status = ?');
    params.push(filter.status);
  }
  if (filter.campaignId === 'none') where.push('t.campaign_id IS NULL');
  else if (filter.campaignId) {
    where.push('t.campaign_id = ?');
    params.push(filter.campaignId);
  }
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(lower(t.external_id) LIKE ? ESCAPE '\\' OR t.email_key LIKE ? ESCAPE '\\' OR lower(coalesce(t.${nameColumn}, '')) LIKE ? ESCAPE '\\')`,
    );
    params.push(pattern, pattern, pattern);
  }
  return { clause: where.join(' AND '), params };
}

/** One row per line item (an order without lines is one row), order fields repeated on each. */
export function ordersSource(
  ctx: Ctx,
  filter: Filter<'orders'>,
  period?: Period,
): ExportSource<OrderExportRow> {
  const { clause, params } = salesWhere(filter, 'ordered_at', 'customer_name', period);
  return {
    columns: orderColumns,
    count: () =>
      ctx.sqlite
        .prepare(
          `SELECT coalesce(sum(max((SELECT count(*) FROM order_lines ol WHERE ol.order_id = t.id), 1)), 0) FROM orders t WHERE ${clause}`,
        )
        .pluck()
        .get(...params) as number,
    rows: () =>
      ctx.sqlite
        .prepare(
          `SELECT t.source, t.external_id AS externalId, t.ordered_at AS orderedAt, t.status, t.currency,
             t.subtotal_minor AS subtotalMinor, t.discount_minor AS discountMinor, t.shipping_minor AS shippingMinor,
             t.tax_minor AS taxMinor, t.total_minor AS totalMinor, t.refunded_minor AS refundedMinor,
             t.customer_email AS email, t.customer_name AS customerName,
             coalesce(c.tracking_code, t.utm_campaign) AS campaign, t.utm_source AS utmSource,
             t.utm_medium AS utmMedium, t.utm_content AS utmContent, t.discount_code AS discountCode,
             ol.name AS lineName, ol.sku AS lineSku, ol.quantity AS lineQuantity, ol.unit_price_minor AS linePriceMinor
           FROM orders t LEFT JOIN campaigns c ON c.id = t.campaign_id
           LEFT JOIN order_lines ol ON ol.order_id = t.id
           WHERE ${clause} ORDER BY t.ordered_at, t.id, ol.position`,
        )
        .iterate(...params) as Iterable<OrderExportRow>,
  };
}

export function paymentsSource(
  ctx: Ctx,
  filter: Filter<'payments'>,
  period?: Period,
): ExportSource<PaymentExportRow> {
  const { clause, params } = salesWhere(filter, 'paid_at', 'description', period);
  return {
    columns: paymentColumns,
    count: () =>
      ctx.sqlite
        .prepare(`SELECT count(*) FROM payments t WHERE ${clause}`)
        .pluck()
        .get(...params) as number,
    rows: () =>
      ctx.sqlite
        .prepare(
          `SELECT t.source, t.external_id AS externalId, t.paid_at AS paidAt, t.currency, t.amount_minor AS amountMinor,
             t.refunded_minor AS refundedMinor, t.fee_minor AS feeMinor, t.status, t.description,
             t.customer_email AS email, coalesce(c.tracking_code, t.utm_campaign) AS campaign
           FROM payments t LEFT JOIN campaigns c ON c.id = t.campaign_id
           WHERE ${clause} ORDER BY t.paid_at, t.id`,
        )
        .iterate(...params) as Iterable<PaymentExportRow>,
  };
}
