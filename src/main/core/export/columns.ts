import { METRICS } from '@shared/import/kinds';
import { defineColumns } from './source';

/**
 * The column sets of the kinds Tandem's import reads back. Their headers are what the "Tandem export" presets
 * recognise, so they live here, read by both the exporter and the presets.
 */

export interface ContactExportRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  title: string;
  city: string;
  region: string;
  country: string;
  lifecycle: string;
  tags: string;
  notes: string;
  owner: string;
  campaign: string | null;
  channel: string | null;
  createdAt: string;
  externalId: string | null;
}

export const contactColumns = defineColumns<ContactExportRow>([
  { header: 'Tandem contact ID', type: 'text', value: (r) => r.id },
  { header: 'First name', type: 'text', field: 'firstName', value: (r) => r.firstName },
  { header: 'Last name', type: 'text', field: 'lastName', value: (r) => r.lastName },
  { header: 'Email', type: 'text', field: 'email', value: (r) => r.email },
  { header: 'Phone', type: 'text', field: 'phone', value: (r) => r.phone },
  { header: 'Company', type: 'text', field: 'company', value: (r) => r.company },
  { header: 'Title', type: 'text', field: 'title', value: (r) => r.title },
  { header: 'City', type: 'text', field: 'city', value: (r) => r.city },
  { header: 'Region', type: 'text', field: 'region', value: (r) => r.region },
  { header: 'Country', type: 'text', field: 'country', value: (r) => r.country },
  { header: 'Lifecycle', type: 'text', field: 'lifecycle', value: (r) => r.lifecycle },
  { header: 'Tags', type: 'text', field: 'tags', value: (r) => r.tags },
  { header: 'Notes', type: 'text', field: 'notes', value: (r) => r.notes },
  { header: 'Owner', type: 'text', field: 'owner', value: (r) => r.owner },
  { header: 'Campaign', type: 'text', field: 'campaign', value: (r) => r.campaign },
  { header: 'Channel', type: 'text', field: 'channel', value: (r) => r.channel },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
  { header: 'External ID', type: 'text', field: 'externalId', value: (r) => r.externalId },
]);

export interface LeadExportRow {
  id: string;
  externalId: string | null;
  title: string;
  valueMinor: number;
  currency: string;
  stage: string;
  outcome: string;
  createdAt: string;
  closedAt: string | null;
  expectedCloseDate: string | null;
  lostReason: string | null;
  owner: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  company: string | null;
  campaign: string | null;
  channel: string;
  rating: number | null;
  ratingNote: string;
}

export const leadColumns = defineColumns<LeadExportRow>([
  { header: 'Tandem lead ID', type: 'text', value: (r) => r.id },
  { header: 'Deal ID', type: 'text', field: 'externalId', value: (r) => r.externalId ?? r.id },
  { header: 'Title', type: 'text', field: 'title', value: (r) => r.title },
  {
    header: 'Value',
    type: 'money',
    field: 'value',
    value: (r) => ({ minor: r.valueMinor, currency: r.currency }),
  },
  { header: 'Currency', type: 'text', field: 'currency', value: (r) => r.currency },
  { header: 'Stage', type: 'text', field: 'stage', value: (r) => r.stage },
  { header: 'Status', type: 'text', field: 'status', value: (r) => r.outcome },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
  { header: 'Closed at', type: 'instant', field: 'closedAt', value: (r) => r.closedAt },
  {
    header: 'Expected close date',
    type: 'date',
    field: 'expectedCloseDate',
    value: (r) => r.expectedCloseDate,
  },
  { header: 'Lost reason', type: 'text', field: 'lostReason', value: (r) => r.lostReason },
  { header: 'Owner', type: 'text', field: 'owner', value: (r) => r.owner },
  { header: 'Contact name', type: 'text', field: 'contactName', value: (r) => r.contactName },
  { header: 'Contact email', type: 'text', field: 'contactEmail', value: (r) => r.contactEmail },
  { header: 'Contact phone', type: 'text', field: 'contactPhone', value: (r) => r.contactPhone },
  { header: 'Company', type: 'text', field: 'company', value: (r) => r.company },
  { header: 'Campaign', type: 'text', field: 'campaign', value: (r) => r.campaign },
  { header: 'Channel', type: 'text', field: 'channel', value: (r) => r.channel },
  { header: 'Rating', type: 'number', value: (r) => r.rating },
  { header: 'Rating note', type: 'text', value: (r) => r.ratingNote },
]);

export interface OrderExportRow {
  source: string;
  externalId: string;
  orderedAt: string;
  status: string;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  email: string | null;
  customerName: string | null;
  campaign: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmContent: string | null;
  discountCode: string | null;
  lineName: string | null;
  lineSku: string | null;
  lineQuantity: number | null;
  linePriceMinor: number | null;
}

const m = (minor: number | null, currency: string) => (minor === null ? null : { minor, currency });

export const orderColumns = defineColumns<OrderExportRow>([
  { header: 'Order ID', type: 'text', field: 'externalId', value: (r) => r.externalId },
  { header: 'Ordered at', type: 'instant', field: 'orderedAt', value: (r) => r.orderedAt },
  { header: 'Status', type: 'text', field: 'status', value: (r) => r.status },
  { header: 'Currency', type: 'text', field: 'currency', value: (r) => r.currency },
  { header: 'Subtotal', type: 'money', field: 'subtotal', value: (r) => m(r.subtotalMinor, r.currency) },
  { header: 'Discount', type: 'money', field: 'discount', value: (r) => m(r.discountMinor, r.currency) },
  { header: 'Shipping', type: 'money', field: 'shipping', value: (r) => m(r.shippingMinor, r.currency) },
  { header: 'Tax', type: 'money', field: 'tax', value: (r) => m(r.taxMinor, r.currency) },
  { header: 'Total', type: 'money', field: 'total', value: (r) => m(r.totalMinor, r.currency) },
  { header: 'Refunded', type: 'money', field: 'refunded', value: (r) => m(r.refundedMinor, r.currency) },
  { header: 'Email', type: 'text', field: 'email', value: (r) => r.email },
  { header: 'Customer name', type: 'text', field: 'customerName', value: (r) => r.customerName },
  { header: 'Campaign', type: 'text', field: 'campaign', value: (r) => r.campaign },
  { header: 'UTM source', type: 'text', field: 'utmSource', value: (r) => r.utmSource },
  { header: 'UTM medium', type: 'text', field: 'utmMedium', value: (r) => r.utmMedium },
  { header: 'UTM content', type: 'text', field: 'utmContent', value: (r) => r.utmContent },
  { header: 'Discount code', type: 'text', field: 'discountCode', value: (r) => r.discountCode },
  { header: 'Line name', type: 'text', field: 'lineName', value: (r) => r.lineName },
  { header: 'Line SKU', type: 'text', field: 'lineSku', value: (r) => r.lineSku },
  { header: 'Line quantity', type: 'number', field: 'lineQuantity', value: (r) => r.lineQuantity },
  { header: 'Line price', type: 'money', field: 'linePrice', value: (r) => m(r.linePriceMinor, r.currency) },
  { header: 'Source', type: 'text', value: (r) => r.source },
]);

export interface PaymentExportRow {
  source: string;
  externalId: string;
  paidAt: string;
  currency: string;
  amountMinor: number;
  refundedMinor: number;
  feeMinor: number;
  status: string;
  description: string;
  email: string | null;
  campaign: string | null;
}

export const paymentColumns = defineColumns<PaymentExportRow>([
  { header: 'Payment ID', type: 'text', field: 'externalId', value: (r) => r.externalId },
  { header: 'Paid at', type: 'instant', field: 'paidAt', value: (r) => r.paidAt },
  { header: 'Status', type: 'text', field: 'status', value: (r) => r.status },
  { header: 'Currency', type: 'text', field: 'currency', value: (r) => r.currency },
  { header: 'Amount', type: 'money', field: 'amount', value: (r) => m(r.amountMinor, r.currency) },
  { header: 'Refunded', type: 'money', field: 'refunded', value: (r) => m(r.refundedMinor, r.currency) },
  { header: 'Fee', type: 'money', field: 'fee', value: (r) => m(r.feeMinor, r.currency) },
  { header: 'Email', type: 'text', field: 'email', value: (r) => r.email },
  { header: 'Description', type: 'text', field: 'description', value: (r) => r.description },
  { header: 'Campaign', type: 'text', field: 'campaign', value: (r) => r.campaign },
  { header: 'Source', type: 'text', value: (r) => r.source },
]);

/** Metrics some presets store besides the mapping screen's: GA4's page numbers. */
export const EXTRA_METRICS = ['page_views', 'active_users', 'revenue_minor'] as const;
export const EXPORTED_METRICS: readonly string[] = [...METRICS, ...EXTRA_METRICS];

/** One row per day and scope (site, channel, campaign or page) of one source, a column per metric. */
export interface MetricExportRow {
  date: string;
  scope: string;
  campaign: string | null;
  channel: string | null;
  source: string;
  values: Map<string, number>;
}

export const metricColumns = defineColumns<MetricExportRow>([
  { header: 'Date', type: 'date', field: 'date', value: (r) => r.date },
  { header: 'Campaign', type: 'text', field: 'campaign', value: (r) => r.campaign },
  { header: 'Channel', type: 'text', field: 'x.channel', value: (r) => r.channel },
  { header: 'Scope', type: 'text', field: 'x.scope', value: (r) => r.scope },
  ...EXPORTED_METRICS.map((metric) => ({
    header: metric,
    type: 'number' as const,
    field: (METRICS as readonly string[]).includes(metric) ? metric : `x.${metric}`,
    value: (r: MetricExportRow) => r.values.get(metric) ?? null,
  })),
  { header: 'Source', type: 'text', value: (r) => r.source },
]);

/*
 * Companies, activities, campaigns, spend and content. `x.id` is the record's Tandem id: the "Tandem export"
 * presets read it (a re-import of the same file finds the record again by it), the mapping screen does not.
 */

export interface CompanyExportRow {
  id: string;
  name: string;
  domain: string | null;
  phone: string | null;
  website: string | null;
  notes: string;
  contactCount: number;
  openLeadCount: number;
  createdAt: string;
}

export const companyColumns = defineColumns<CompanyExportRow>([
  { header: 'Tandem company ID', type: 'text', field: 'x.id', value: (r) => r.id },
  { header: 'Name', type: 'text', field: 'name', value: (r) => r.name },
  { header: 'Domain', type: 'text', field: 'domain', value: (r) => r.domain },
  { header: 'Phone', type: 'text', field: 'phone', value: (r) => r.phone },
  { header: 'Website', type: 'text', field: 'website', value: (r) => r.website },
  { header: 'Notes', type: 'text', field: 'notes', value: (r) => r.notes },
  { header: 'Contacts', type: 'number', value: (r) => r.contactCount },
  { header: 'Open leads', type: 'number', value: (r) => r.openLeadCount },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
]);

export interface ActivityExportRow {
  id: string;
  type: string;
  subject: string;
  status: string;
  dueAt: string | null;
  doneAt: string | null;
  outcome: string | null;
  leadTitle: string | null;
  contactName: string | null;
  notes: string;
  createdAt: string;
  /** The lead's Deal ID as the leads export writes it, and the contact's keys: how the import finds them. */
  leadDealId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export const activityColumns = defineColumns<ActivityExportRow>([
  { header: 'Tandem activity ID', type: 'text', field: 'x.id', value: (r) => r.id },
  { header: 'Type', type: 'text', field: 'type', value: (r) => r.type },
  { header: 'Subject', type: 'text', field: 'subject', value: (r) => r.subject },
  { header: 'Status', type: 'text', value: (r) => r.status },
  { header: 'Due at', type: 'instant', field: 'dueAt', value: (r) => r.dueAt },
  { header: 'Done at', type: 'instant', field: 'doneAt', value: (r) => r.doneAt },
  { header: 'Outcome', type: 'text', field: 'outcome', value: (r) => r.outcome },
  { header: 'Lead', type: 'text', value: (r) => r.leadTitle },
  { header: 'Contact', type: 'text', value: (r) => r.contactName },
  { header: 'Notes', type: 'text', field: 'notes', value: (r) => r.notes },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
  { header: 'Lead deal ID', type: 'text', field: 'leadId', value: (r) => r.leadDealId },
  { header: 'Contact email', type: 'text', field: 'contactEmail', value: (r) => r.contactEmail },
  { header: 'Contact phone', type: 'text', field: 'contactPhone', value: (r) => r.contactPhone },
]);

export interface CampaignExportRow {
  id: string;
  name: string;
  planName: string | null;
  channel: string;
  objective: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  budgetMinor: number;
  spentMinor: number;
  currency: string;
  targetLeads: number | null;
  targetRevenueMinor: number | null;
  trackingCode: string | null;
  keyMessage: string;
  landingUrl: string | null;
  createdAt: string;
}

export const campaignColumns = defineColumns<CampaignExportRow>([
  { header: 'Tandem campaign ID', type: 'text', field: 'x.id', value: (r) => r.id },
  { header: 'Name', type: 'text', field: 'name', value: (r) => r.name },
  { header: 'Plan', type: 'text', field: 'plan', value: (r) => r.planName },
  { header: 'Channel', type: 'text', field: 'channel', value: (r) => r.channel },
  { header: 'Objective', type: 'text', field: 'objective', value: (r) => r.objective },
  { header: 'Status', type: 'text', field: 'status', value: (r) => r.status },
  { header: 'Start date', type: 'date', field: 'startDate', value: (r) => r.startDate },
  { header: 'End date', type: 'date', field: 'endDate', value: (r) => r.endDate },
  { header: 'Budget', type: 'money', field: 'budget', value: (r) => m(r.budgetMinor, r.currency) },
  { header: 'Spent', type: 'money', value: (r) => m(r.spentMinor, r.currency) },
  { header: 'Currency', type: 'text', field: 'currency', value: (r) => r.currency },
  { header: 'Target leads', type: 'number', field: 'targetLeads', value: (r) => r.targetLeads },
  {
    header: 'Target revenue',
    type: 'money',
    field: 'targetRevenue',
    value: (r) => m(r.targetRevenueMinor, r.currency),
  },
  { header: 'Tracking code', type: 'text', field: 'trackingCode', value: (r) => r.trackingCode },
  { header: 'Key message', type: 'text', field: 'keyMessage', value: (r) => r.keyMessage },
  { header: 'Landing page', type: 'text', field: 'landingUrl', value: (r) => r.landingUrl },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
]);

export interface SpendExportRow {
  id: string;
  date: string;
  campaignName: string;
  campaignCode: string | null;
  channel: string;
  amountMinor: number;
  currency: string;
  note: string;
  imported: boolean;
  counted: boolean;
}

export const spendColumns = defineColumns<SpendExportRow>([
  { header: 'Tandem spend ID', type: 'text', field: 'x.id', value: (r) => r.id },
  { header: 'Date', type: 'date', field: 'date', value: (r) => r.date },
  { header: 'Campaign', type: 'text', field: 'campaignName', value: (r) => r.campaignName },
  { header: 'Campaign code', type: 'text', field: 'campaign', value: (r) => r.campaignCode },
  { header: 'Channel', type: 'text', value: (r) => r.channel },
  { header: 'Amount', type: 'money', field: 'amount', value: (r) => m(r.amountMinor, r.currency) },
  { header: 'Currency', type: 'text', field: 'currency', value: (r) => r.currency },
  { header: 'Note', type: 'text', field: 'note', value: (r) => r.note },
  { header: 'Imported', type: 'text', value: (r) => (r.imported ? 'yes' : 'no') },
  // "no" where imported and hand-logged spend overlap and the campaign keeps the other side.
  { header: 'Counted', type: 'text', value: (r) => (r.counted ? 'yes' : 'no') },
]);

export interface ContentExportRow {
  id: string;
  title: string;
  channel: string;
  campaignName: string | null;
  campaignCode: string | null;
  status: string;
  scheduledDate: string | null;
  link: string | null;
  utmContent: string | null;
  notes: string;
  createdAt: string;
}

export const contentColumns = defineColumns<ContentExportRow>([
  { header: 'Tandem content ID', type: 'text', field: 'x.id', value: (r) => r.id },
  { header: 'Title', type: 'text', field: 'title', value: (r) => r.title },
  { header: 'Channel', type: 'text', field: 'channel', value: (r) => r.channel },
  { header: 'Campaign', type: 'text', field: 'campaignName', value: (r) => r.campaignName },
  { header: 'Campaign code', type: 'text', field: 'campaign', value: (r) => r.campaignCode },
  { header: 'Status', type: 'text', field: 'status', value: (r) => r.status },
  { header: 'Scheduled date', type: 'date', field: 'scheduledDate', value: (r) => r.scheduledDate },
  { header: 'Link', type: 'text', field: 'link', value: (r) => r.link },
  { header: 'UTM content', type: 'text', field: 'utmContent', value: (r) => r.utmContent },
  { header: 'Notes', type: 'text', field: 'notes', value: (r) => r.notes },
  { header: 'Created at', type: 'instant', field: 'createdAt', value: (r) => r.createdAt },
]);
