import type { z } from 'zod';
import type { OrderDetail, OrderListInput, OrderPage, OrderRow } from '@shared/api/orders';
import { orderNetMinor, REVENUE_ORDER_STATUSES } from '@shared/domain/kpi';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { linksOf } from './links';
import { customerExpr, listPage, listStatements, type Filter, type TableSpec } from './query';

type ListInput = z.output<typeof OrderListInput>;

const CUSTOMER = customerExpr('o.customer_name, o.customer_email');

export const ORDERS: TableSpec = {
  table: 'orders',
  a: 'o',
  at: 'o.ordered_at',
  amount: 'o.total_minor',
  revenueStatuses: REVENUE_ORDER_STATUSES,
  searchColumns: ['o.external_id', 'o.customer_email', 'o.customer_name'],
  // Live orders by day with status, currency and amounts: the totals of a period read this index alone.
  periodIndex: 'orders_revenue_day_idx',
  sorts: {
    orderedAt: ['o.ordered_at'],
    // #999 before #1000: shorter numbers first, then as text.
    number: ['length(o.external_id)', 'o.external_id'],
    // The name on the record itself: sorting by the linked contact's name would join every row first.
    customer: ['lower(coalesce(o.customer_name, o.customer_email))'],
    status: ['o.status'],
    total: ['o.total_minor'],
  },
};

const ROW_COLUMNS = `o.id, o.source, o.external_id AS externalId, o.ordered_at AS orderedAt, o.status,
  o.currency, o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor,
  ${CUSTOMER} AS customer, o.customer_email AS customerEmail,
  coalesce(o.contact_id, l.contact_id) AS contactId, o.lead_id AS leadId,
  c.id AS campaignId, c.name AS campaignName`;

type Raw = Omit<OrderRow, 'netMinor'>;
const withNet = <R extends Raw>(row: R): R & Pick<OrderRow, 'netMinor'> => ({
  ...row,
  netMinor: orderNetMinor(row),
});

/** The statements of a list call, for the query-plan test. */
export const orderStatements = (filter: Filter, sort: string, direction: 'asc' | 'desc') =>
  listStatements(ORDERS, ROW_COLUMNS, filter, sort, direction);

export function listOrders(ctx: Ctx, input: ListInput): OrderPage {
  const listed = listPage<Raw>(ctx, ORDERS, ROW_COLUMNS, input);
  return { ...listed, rows: listed.rows.map(withNet) };
}

type Detail = z.infer<typeof OrderDetail>;

export function getOrder(ctx: Ctx, id: string): Detail {
  const row = get<
    Raw & {
      subtotalMinor: number;
      discountMinor: number;
      shippingMinor: number;
      taxMinor: number;
      discountCode: string | null;
      utmSource: string | null;
      utmMedium: string | null;
      utmCampaign: string | null;
      utmContent: string | null;
      importFileName: string | null;
      ownContactId: string | null;
      ownCampaignId: string | null;
    }
  >(
    ctx.sqlite,
    `SELECT ${ROW_COLUMNS}, o.subtotal_minor AS subtotalMinor, o.discount_minor AS discountMinor,
            o.shipping_minor AS shippingMinor, o.tax_minor AS taxMinor, o.discount_code AS discountCode,
            o.utm_source AS utmSource, o.utm_medium AS utmMedium, o.utm_campaign AS utmCampaign,
            o.utm_content AS utmContent, j.file_name AS importFileName,
            o.contact_id AS ownContactId, o.campaign_id AS ownCampaignId
     FROM orders o
     LEFT JOIN leads l ON l.id = o.lead_id
     LEFT JOIN contacts ct ON ct.id = coalesce(o.contact_id, l.contact_id)
     LEFT JOIN campaigns c ON c.id = coalesce(o.campaign_id, l.campaign_id)
     LEFT JOIN import_jobs j ON j.id = o.import_job_id
     WHERE o.id = ? AND o.deleted_at IS NULL`,
    id,
  );
  if (!row) return fail('not_found', 'That order does not exist or was deleted.');
  const { ownContactId, ownCampaignId, ...order } = row;
  const lines = all<Omit<Detail['lines'][number], 'lineTotalMinor'>>(
    ctx.sqlite,
    `SELECT id, position, name, sku, quantity, unit_price_minor AS unitPriceMinor
     FROM order_lines WHERE order_id = ? ORDER BY position`,
    id,
  ).map((line) => ({ ...line, lineTotalMinor: line.quantity * line.unitPriceMinor }));
  const countsAsRevenue = (REVENUE_ORDER_STATUSES as readonly string[]).includes(order.status);
  return {
    order: { ...withNet(order), countsAsRevenue },
    lines,
    ...linksOf(ctx, 'order', id, { ownContactId, ownCampaignId, leadId: order.leadId }, countsAsRevenue),
  };
}
