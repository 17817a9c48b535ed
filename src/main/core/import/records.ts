import type { DateOrder, DecimalSeparator } from './read';

/** A row as the reader gave it. */
export interface SourceRow {
  cells: string[];
  line: number;
}

/** A problem with one file row: an error (the row was not imported) or a note (left out on purpose). */
export interface RowError {
  /** Physical line (sheet row) where the record starts: what a spreadsheet shows as its row number. */
  line: number;
  column: string | null;
  message: string;
  severity: 'error' | 'note';
  /** The row as it was, for the error file. */
  cells: string[];
}

/** How values of this file are read; fixed for the whole job so a resumed job reads them the same way. */
export interface ValueOptions {
  dateOrder?: DateOrder;
  /** Order per column header; wins over dateOrder. */
  dateOrders?: Readonly<Record<string, DateOrder>>;
  decimalSeparator?: DecimalSeparator;
  timeZone: string;
  /** Workspace currency, for amounts without one. */
  currency: string;
  /** Calling code of the workspace's locale, for phone numbers written without one (`callingCodeFor`). */
  callingCode: string;
  /** Name of the source system, part of the natural key of orders, payments, deals and metrics. */
  source: string;
}

export interface ContactRecord {
  line: number;
  firstName: string;
  lastName: string;
  email: string | null;
  emailKey: string | null;
  /** Further addresses in the same row (Google's " ::: " lists): matched too, kept in the notes. */
  otherEmails: { email: string; key: string }[];
  phone: string | null;
  phoneKey: string | null;
  company: string;
  title: string;
  city: string;
  region: string;
  country: string;
  lifecycle: string | null;
  tags: string[];
  notes: string;
  owner: string;
  createdAt: string | null;
  campaignCode: string | null;
  channel: string | null;
  externalId: string | null;
}

export interface DealRecord {
  line: number;
  externalId: string;
  title: string;
  valueMinor: number;
  /** The source system's stage name; the outcome decides won/lost. */
  stage: string;
  outcome: 'open' | 'won' | 'lost';
  createdAt: string | null;
  closedAt: string | null;
  expectedCloseDate: string | null;
  lostReason: string | null;
  owner: string;
  contact: ContactRecord | null;
  company: string;
  campaignCode: string | null;
  channel: string | null;
}

export interface OrderLineRecord {
  name: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
}

export interface OrderRecord {
  line: number;
  externalId: string;
  orderedAt: string;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  status: string;
  email: string | null;
  emailKey: string | null;
  customerName: string | null;
  campaignCode: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  /** Names the content item (post, mail) the buyer came from, as content items store it. */
  utmContent: string | null;
  discountCode: string | null;
  lines: OrderLineRecord[];
}

export interface PaymentRecord {
  line: number;
  externalId: string;
  paidAt: string;
  currency: string;
  amountMinor: number;
  refundedMinor: number;
  feeMinor: number;
  status: string;
  description: string;
  email: string | null;
  emailKey: string | null;
  campaignCode: string | null;
  utmSource: string | null;
  utmMedium: string | null;
}

export interface MetricRecord {
  line: number;
  date: string;
  /** Tracking code of the campaign measured; null for channel or site totals. */
  campaignCode: string | null;
  /** Campaign name to match (Mailchimp titles) when there is no code. */
  campaignName: string | null;
  /** Our channel (social, email, web, ads...), stored on the observation. */
  channel: string | null;
  /** Scope when no campaign: `channel:<name>` or `site`. */
  scope: string;
  values: [metric: string, value: number][];
  spendMinor: number | null;
}

/** The record's Tandem id, when the file is a Tandem export: a re-import finds the record again by it. */
interface Tandem {
  line: number;
  id: string | null;
  createdAt: string | null;
}

export interface CompanyRecord extends Tandem {
  name: string;
  nameKey: string;
  domain: string | null;
  phone: string | null;
  website: string | null;
  notes: string;
}

export interface ActivityRecord extends Tandem {
  type: string;
  subject: string;
  notes: string;
  dueAt: string | null;
  doneAt: string | null;
  outcome: string | null;
  /** The lead's Deal ID (or Tandem id), and the contact's keys. */
  leadRef: string | null;
  emailKey: string | null;
  phoneKey: string | null;
}

export interface CampaignRecord extends Tandem {
  name: string;
  planName: string | null;
  channel: string;
  objective: string | null;
  status: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetMinor: number | null;
  targetLeads: number | null;
  targetRevenueMinor: number | null;
  trackingCode: string | null;
  keyMessage: string;
  landingUrl: string | null;
}

export interface SpendRecord extends Tandem {
  date: string;
  campaignCode: string | null;
  campaignName: string | null;
  amountMinor: number;
  note: string;
}

export interface ContentRecord extends Tandem {
  title: string;
  channel: string | null;
  campaignCode: string | null;
  campaignName: string | null;
  status: string | null;
  scheduledDate: string | null;
  link: string | null;
  utmContent: string | null;
  notes: string;
}

export type AnyRecord =
  | ContactRecord
  | DealRecord
  | OrderRecord
  | PaymentRecord
  | MetricRecord
  | CompanyRecord
  | ActivityRecord
  | CampaignRecord
  | SpendRecord
  | ContentRecord;
