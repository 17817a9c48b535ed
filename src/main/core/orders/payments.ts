import type { z } from 'zod';
import type { PaymentDetail, PaymentListInput, PaymentPage, PaymentRow } from '@shared/api/orders';
import { paymentNetMinor, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { get } from '../db/prepared';
import { linksOf } from './links';
import { customerExpr, listPage, listStatements, type Filter, type TableSpec } from './query';

type ListInput = z.output<typeof PaymentListInput>;

const CUSTOMER = customerExpr('p.customer_email');

export const PAYMENTS: TableSpec = {
  table: 'payments',
  a: 'p',
  at: 'p.paid_at',
  amount: 'p.amount_minor',
  revenueStatuses: REVENUE_PAYMENT_STATUSES,
  searchColumns: ['p.external_id', 'p.customer_email', 'p.description'],
  periodIndex: 'payments_revenue_day_idx',
  sorts: {
    paidAt: ['p.paid_at'],
    number: ['p.external_id'],
    // The name on the record itself: sorting by the linked contact's name would join every row first.
    customer: ['lower(p.customer_email)'],
    status: ['p.status'],
    amount: ['p.amount_minor'],
  },
};

const ROW_COLUMNS = `p.id, p.source, p.external_id AS externalId, p.paid_at AS paidAt, p.status,
  p.currency, p.amount_minor AS amountMinor, p.refunded_minor AS refundedMinor, p.fee_minor AS feeMinor,
  p.description, ${CUSTOMER} AS customer, p.customer_email AS customerEmail,
  coalesce(p.contact_id, l.contact_id) AS contactId, p.lead_id AS leadId,
  c.id AS campaignId, c.name AS campaignName`;

type Raw = Omit<PaymentRow, 'netMinor'>;
const withNet = <R extends Raw>(row: R): R & Pick<PaymentRow, 'netMinor'> => ({
  ...row,
  netMinor: paymentNetMinor(row),
});

/** The statements of a list call, for the query-plan test. */
export const paymentStatements = (filter: Filter, sort: string, direction: 'asc' | 'desc') =>
  listStatements(PAYMENTS, ROW_COLUMNS, filter, sort, direction);

export function listPayments(ctx: Ctx, input: ListInput): PaymentPage {
  const listed = listPage<Raw>(ctx, PAYMENTS, ROW_COLUMNS, input);
  return { ...listed, rows: listed.rows.map(withNet) };
}

type Detail = z.infer<typeof PaymentDetail>;

export function getPayment(ctx: Ctx, id: string): Detail {
  const row = get<
    Raw & {
      utmCampaign: string | null;
      importFileName: string | null;
      ownContactId: string | null;
      ownCampaignId: string | null;
    }
  >(
    ctx.sqlite,
    `SELECT ${ROW_COLUMNS}, p.utm_campaign AS utmCampaign, j.file_name AS importFileName,
            p.contact_id AS ownContactId, p.campaign_id AS ownCampaignId
     FROM payments p
     LEFT JOIN leads l ON l.id = p.lead_id
     LEFT JOIN contacts ct ON ct.id = coalesce(p.contact_id, l.contact_id)
     LEFT JOIN campaigns c ON c.id = coalesce(p.campaign_id, l.campaign_id)
     LEFT JOIN import_jobs j ON j.id = p.import_job_id
     WHERE p.id = ? AND p.deleted_at IS NULL`,
    id,
  );
  if (!row) return fail('not_found', 'That payment does not exist or was deleted.');
  const { ownContactId, ownCampaignId, ...payment } = row;
  const countsAsRevenue = (REVENUE_PAYMENT_STATUSES as readonly string[]).includes(payment.status);
  return {
    payment: { ...withNet(payment), countsAsRevenue },
    ...linksOf(ctx, 'payment', id, { ownContactId, ownCampaignId, leadId: payment.leadId }, countsAsRevenue),
  };
}
