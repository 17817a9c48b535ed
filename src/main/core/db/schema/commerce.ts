import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deletedAt, money, rowColumns } from './columns';
import { importJobs } from './imports';
import { campaigns } from './marketing';
import { contacts, leads } from './sales';

/**
 * A sale from the shop or an invoice. Revenue counts `totalMinor - refundedMinor` for paid statuses only;
 * pending, voided and failed orders are kept for the record but are not revenue.
 */
export const orders = sqliteTable(
  'orders',
  {
    ...rowColumns(),
    /** shopify, manual, ... together with externalId the natural key of re-imports. */
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    orderedAt: text('ordered_at').notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: money('subtotal_minor').notNull().default(0),
    discountMinor: money('discount_minor').notNull().default(0),
    shippingMinor: money('shipping_minor').notNull().default(0),
    taxMinor: money('tax_minor').notNull().default(0),
    totalMinor: money('total_minor').notNull(),
    refundedMinor: money('refunded_minor').notNull().default(0),
    /** paid, pending, refunded, partially_refunded, voided */
    status: text('status').notNull(),
    customerEmail: text('customer_email'),
    emailKey: text('email_key'),
    customerName: text('customer_name'),
    contactId: text('contact_id').references(() => contacts.id),
    leadId: text('lead_id').references(() => leads.id),
    campaignId: text('campaign_id').references(() => campaigns.id),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    discountCode: text('discount_code'),
    /** utm_content of the visit that led to the order: names the content item (post, mail) it came from. */
    utmContent: text('utm_content'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('orders_natural_idx').on(t.source, t.externalId),
    index('orders_date_idx').on(t.orderedAt),
    // Covering the touch log and the Results period reads: each row answers from the index alone.
    // Content items find their orders' touches when their utm_content changes.
    index('orders_utm_content_idx').on(t.utmContent),
    index('orders_touch_idx').on(
      t.orderedAt,
      t.deletedAt,
      t.contactId,
      t.campaignId,
      t.utmCampaign,
      t.discountCode,
      t.utmContent,
      t.id,
      t.status,
      t.leadId,
    ),
    index('orders_contact_idx').on(t.contactId),
    index('orders_campaign_idx').on(t.campaignId),
    // deleted_at too: whether a won deal has a live order is answered from the index alone.
    index('orders_lead_idx').on(t.leadId, t.deletedAt),
    // Live orders by day with what the revenue rule reads: the sums of Results come from the index alone.
    // deleted_at too, though always NULL here: SQLite reads a partial index alone only when it holds every
    // column the statement names, its WHERE included.
    index('orders_revenue_day_idx')
      .on(
        t.orderedAt,
        t.status,
        t.currency,
        t.totalMinor,
        t.refundedMinor,
        t.contactId,
        t.leadId,
        t.deletedAt,
      )
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    ...rowColumns(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    sku: text('sku'),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: money('unit_price_minor').notNull(),
    importJobId: text('import_job_id').references(() => importJobs.id),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId, t.position)],
);

export const payments = sqliteTable(
  'payments',
  {
    ...rowColumns(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    paidAt: text('paid_at').notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
    refundedMinor: money('refunded_minor').notNull().default(0),
    feeMinor: money('fee_minor').notNull().default(0),
    /** succeeded, refunded, partially_refunded, failed, pending */
    status: text('status').notNull(),
    description: text('description').notNull().default(''),
    customerEmail: text('customer_email'),
    emailKey: text('email_key'),
    contactId: text('contact_id').references(() => contacts.id),
    leadId: text('lead_id').references(() => leads.id),
    campaignId: text('campaign_id').references(() => campaigns.id),
    utmCampaign: text('utm_campaign'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('payments_natural_idx').on(t.source, t.externalId),
    index('payments_date_idx').on(t.paidAt),
    // Covering the touch log and the Results period reads: each row answers from the index alone.
    index('payments_touch_idx').on(
      t.paidAt,
      t.deletedAt,
      t.contactId,
      t.campaignId,
      t.utmCampaign,
      t.id,
      t.status,
      t.leadId,
    ),
    index('payments_contact_idx').on(t.contactId),
    // deleted_at too: whether a won deal has a live payment is answered from the index alone.
    index('payments_lead_idx').on(t.leadId, t.deletedAt),
    index('payments_campaign_idx').on(t.campaignId),
    index('payments_revenue_day_idx')
      .on(t.paidAt, t.status, t.currency, t.amountMinor, t.refundedMinor, t.contactId, t.leadId, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);
