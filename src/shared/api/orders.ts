import { z } from 'zod';
import { query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';

/**
 * Imported sales as lists: orders (with their lines) and payments. Money is integer minor units in each
 * record's own currency; the list totals (`revenueMinor`) follow the REVENUE rule of shared/domain/kpi and
 * count the workspace currency only, as Results does, so a period's total here equals Results' revenue from
 * orders (or payments) for that period.
 */

/** What the imports write (build/orders.ts); a status a source sends that Tandem does not know is kept as sent. */
export const ORDER_STATUSES = ['paid', 'partially_refunded', 'refunded', 'pending', 'voided'] as const;
export const PAYMENT_STATUSES = ['succeeded', 'partially_refunded', 'refunded', 'pending', 'failed'] as const;

const Status = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, 'expected a status like paid or partially_refunded');

/** `none` = records with no contact (not even through their lead) / no campaign (not even their lead's). */
const IdOrNone = z.union([Id, z.literal('none')]);

const filterShape = {
  /** Calendar days, inclusive, on the order (payment) date in UTC — the days Results counts. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Any of these statuses; all statuses when absent. */
  status: z.array(Status).min(1, 'choose at least one status').max(20).optional(),
  /** The order's own campaign, else its lead's (the campaign revenue is credited to on Results). */
  campaignId: IdOrNone.optional(),
  /** The order's own contact, else its lead's. */
  contactId: IdOrNone.optional(),
  /** Words in the order number, the customer's e-mail or name (payments: id, e-mail or description). */
  search: z.string().trim().max(200).optional(),
};

const orderedRange = <T extends { from?: string | undefined; to?: string | undefined }>(f: T) =>
  !f.from || !f.to || f.from <= f.to;
const rangeMessage = { message: 'the period ends before it starts', path: ['to'] };

const paging = {
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/** The filter of the Orders list, without sort and paging: also what an export of the list takes. */
export const OrderFilter = z.strictObject(filterShape).refine(orderedRange, rangeMessage);
export type OrderFilter = z.input<typeof OrderFilter>;

export const OrderSortField = z.enum(['orderedAt', 'number', 'customer', 'status', 'total']);
export const OrderListInput = z
  .strictObject({ ...filterShape, sort: OrderSortField.default('orderedAt'), ...paging })
  .refine(orderedRange, rangeMessage);
export type OrderListInput = z.input<typeof OrderListInput>;

// payments.list takes the same filter (OrderFilter), on the payment date.
export const PaymentSortField = z.enum(['paidAt', 'number', 'customer', 'status', 'amount']);
export const PaymentListInput = z
  .strictObject({ ...filterShape, sort: PaymentSortField.default('paidAt'), ...paging })
  .refine(orderedRange, rangeMessage);
export type PaymentListInput = z.input<typeof PaymentListInput>;

const Links = {
  /** The order's own contact, else its lead's. */
  contactId: z.string().nullable(),
  leadId: z.string().nullable(),
  /** The order's own campaign, else its lead's. */
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
};

export const OrderRow = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  orderedAt: z.string(),
  status: z.string(),
  currency: z.string(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
  /** What the order adds to revenue by the REVENUE rule (0 for refunded, pending, voided…). */
  netMinor: z.number().int(),
  /** The contact's name, else the name or e-mail on the order. */
  customer: z.string().nullable(),
  customerEmail: z.string().nullable(),
  ...Links,
});
export type OrderRow = z.infer<typeof OrderRow>;

const Totals = {
  /** Records matching the filter. */
  total: z.number().int(),
  /** Revenue of the matching records in the workspace currency, to the cent (REVENUE rule). */
  revenueMinor: z.number().int(),
  /** Matching records that would count as revenue but are in another currency: left out, as on Results. */
  otherCurrency: z.number().int(),
  currency: z.string(),
};

export const OrderPage = z.object({ ...Totals, rows: z.array(OrderRow) });
export type OrderPage = z.infer<typeof OrderPage>;

const LinkedContact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** Matched on the record itself, or reached through its lead. */
  via: z.enum(['record', 'lead']),
});
const LinkedLead = z.object({
  id: z.string(),
  title: z.string(),
  stageName: z.string(),
  outcome: z.string(),
});
const LinkedCampaign = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.string(),
  via: z.enum(['record', 'lead']),
});
const Reconciliation = z.object({
  /** Counts as revenue but reaches no contact, or no campaign: the Results reconciliation lists it. */
  noContact: z.boolean(),
  noCampaign: z.boolean(),
  /** Marked "not applicable" from the reconciliation lists. */
  notApplicable: z.boolean(),
});

export const OrderLine = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  sku: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
});

export const OrderDetail = z.object({
  order: OrderRow.extend({
    subtotalMinor: z.number().int(),
    discountMinor: z.number().int(),
    shippingMinor: z.number().int(),
    taxMinor: z.number().int(),
    discountCode: z.string().nullable(),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    utmContent: z.string().nullable(),
    importFileName: z.string().nullable(),
    countsAsRevenue: z.boolean(),
  }),
  lines: z.array(OrderLine),
  contact: LinkedContact.nullable(),
  lead: LinkedLead.nullable(),
  campaign: LinkedCampaign.nullable(),
  reconciliation: Reconciliation,
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const PaymentRow = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  paidAt: z.string(),
  status: z.string(),
  currency: z.string(),
  amountMinor: z.number().int(),
  refundedMinor: z.number().int(),
  feeMinor: z.number().int(),
  netMinor: z.number().int(),
  description: z.string(),
  customer: z.string().nullable(),
  customerEmail: z.string().nullable(),
  ...Links,
});
export type PaymentRow = z.infer<typeof PaymentRow>;

export const PaymentPage = z.object({ ...Totals, rows: z.array(PaymentRow) });
export type PaymentPage = z.infer<typeof PaymentPage>;

export const PaymentDetail = z.object({
  payment: PaymentRow.extend({
    utmCampaign: z.string().nullable(),
    importFileName: z.string().nullable(),
    countsAsRevenue: z.boolean(),
  }),
  contact: LinkedContact.nullable(),
  lead: LinkedLead.nullable(),
  campaign: LinkedCampaign.nullable(),
  reconciliation: Reconciliation,
});
export type PaymentDetail = z.infer<typeof PaymentDetail>;

export const ordersApi = {
  /** Orders matching a filter, a page at a time, with the count and revenue of everything that matches. */
  'orders.list': query(OrderListInput, OrderPage),
  /** One order with its lines, tags, and the contact, lead and campaign it is linked to. */
  'orders.get': query(z.strictObject({ id: Id }), OrderDetail),
  'payments.list': query(PaymentListInput, PaymentPage),
  'payments.get': query(z.strictObject({ id: Id }), PaymentDetail),
};
