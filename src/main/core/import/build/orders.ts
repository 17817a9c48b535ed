import { emailKey } from '../../contacts/keys';
import { normalizeEmail, parseDecimal } from '../read';
import type {
  OrderLineRecord,
  OrderRecord,
  PaymentRecord,
  RowError,
  SourceRow,
  ValueOptions,
} from '../records';
import type { FieldRow } from './row';
import { trackingCodeOf, utmTagsOf } from './utm';

/**
 * Order statuses as shops write them (lower case, spaces and dashes as `_`, WooCommerce's `wc_` prefix
 * dropped) → ours. A paid order in WooCommerce is "processing" until it ships; "on hold" awaits payment.
 */
const ORDER_STATUS: Record<string, string> = {
  paid: 'paid',
  complete: 'paid',
  completed: 'paid',
  processing: 'paid',
  fulfilled: 'paid',
  shipped: 'paid',
  delivered: 'paid',
  pending: 'pending',
  pending_payment: 'pending',
  on_hold: 'pending',
  authorized: 'pending',
  partially_paid: 'pending',
  unpaid: 'pending',
  checkout_draft: 'pending',
  draft: 'pending',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  voided: 'voided',
  void: 'voided',
  cancelled: 'voided',
  canceled: 'voided',
  expired: 'voided',
  failed: 'voided',
  declined: 'voided',
  trash: 'voided',
};

/** A status cell as the status maps key it: `Partially refunded`, `wc-on-hold` → `partially_refunded`, `on_hold`. */
function statusKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^wc_/, '');
}

/** The customer's e-mail as a matching key; problems are recorded on the row. */
export function customerEmail(row: FieldRow, field: string): { email: string | null; key: string | null } {
  const text = row.text(field);
  if (text === '') return { email: null, key: null };
  const parsed = normalizeEmail(text);
  if (!parsed.ok) {
    row.problem(field, parsed.reason);
    return { email: null, key: null };
  }
  return { email: parsed.value, key: emailKey(parsed.value) };
}

function lineItem(row: FieldRow, currency: string, options: ValueOptions): OrderLineRecord | null {
  const name = row.text('lineName');
  const price = row.money('linePrice', currency, options);
  if (!name && price === null) return null;
  const qtyText = row.text('lineQuantity');
  let quantity = 1;
  if (qtyText) {
    const q = parseDecimal(qtyText);
    if (!q.ok || !Number.isInteger(q.value))
      return row.problem('lineQuantity', `"${qtyText}" is not a whole quantity`);
    quantity = q.value;
  }
  return { name: name || 'Item', sku: row.text('lineSku') || null, quantity, unitPriceMinor: price ?? 0 };
}

/**
 * One order from its rows: order-level fields come from the first row that has them (Shopify writes them on
 * the first line item only), every row may add a line item. Any row's problem rejects the whole order.
 */
export function buildOrder(
  group: readonly SourceRow[],
  row: FieldRow,
  options: ValueOptions,
  errors: RowError[],
): OrderRecord | null {
  let order: OrderRecord | null = null;
  const lines: OrderLineRecord[] = [];
  let failed = false;
  for (const source of group) {
    row.reset(source.cells, source.line);
    if (!order && row.text('total') !== '') {
      const currency = row.currency('currency', options);
      const statusText = statusKey(row.text('status'));
      const status = statusText === '' ? 'paid' : (ORDER_STATUS[statusText] ?? statusText);
      const totalMinor = row.money('total', currency, options) ?? 0;
      const refunded = row.money('refunded', currency, options);
      const orderedAt = row.instant('orderedAt', options);
      if (!orderedAt && !row.problems.length) row.problem('orderedAt', 'the order has no date');
      const { email, key } = customerEmail(row, 'email');
      // Columns of their own win; a landing-page URL fills the tags they leave empty.
      const landing = utmTagsOf(row.text('landingSite'));
      order = {
        line: source.line,
        externalId: row.text('externalId'),
        orderedAt: orderedAt ?? '',
        currency,
        subtotalMinor: row.money('subtotal', currency, options) ?? totalMinor,
        discountMinor: row.money('discount', currency, options) ?? 0,
        shippingMinor: row.money('shipping', currency, options) ?? 0,
        taxMinor: row.money('tax', currency, options) ?? 0,
        totalMinor,
        refundedMinor: refunded ?? (status === 'refunded' ? totalMinor : 0),
        status,
        email,
        emailKey: key,
        customerName: row.text('customerName') || null,
        campaignCode: trackingCodeOf(row.text('campaign') || landing.campaign || ''),
        utmSource: row.text('utmSource') || landing.source || null,
        utmMedium: row.text('utmMedium') || landing.medium || null,
        utmContent: trackingCodeOf(row.text('utmContent') || landing.content || ''),
        discountCode: row.text('discountCode') || null,
        lines,
      };
    }
    const item = lineItem(row, order?.currency ?? options.currency, options);
    if (item) lines.push(item);
    if (row.problems.length > 0) {
      errors.push(...row.problems);
      failed = true;
    }
  }
  const first = group[0];
  if (!order && !failed && first) {
    errors.push({
      line: first.line,
      column: row.column('total'),
      message: 'no row of this order has its total',
      severity: 'error',
      cells: first.cells,
    });
    return null;
  }
  return failed ? null : order;
}

/** Payment statuses as processors write them (PayPal and Square: "Completed", "Complete") → ours. */
const PAYMENT_STATUS: Record<string, string> = {
  paid: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  successful: 'succeeded',
  captured: 'succeeded',
  completed: 'succeeded',
  complete: 'succeeded',
  settled: 'succeeded',
  cleared: 'succeeded',
  approved: 'succeeded',
  refund: 'refunded',
  reversed: 'refunded',
  denied: 'failed',
  voided: 'failed',
  void: 'failed',
  expired: 'failed',
  processing: 'pending',
  in_progress: 'pending',
  authorized: 'pending',
  unclaimed: 'pending',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  failed: 'failed',
  declined: 'failed',
  canceled: 'failed',
  cancelled: 'failed',
  pending: 'pending',
  uncaptured: 'pending',
  requires_payment_method: 'failed',
};

/** A payment; refunds decide between succeeded, partially_refunded and refunded. */
export function buildPayment(row: FieldRow, options: ValueOptions): PaymentRecord | null {
  const externalId = row.text('externalId');
  if (!externalId) row.problem('externalId', 'the payment has no ID, so a re-import could not find it again');
  const currency = row.currency('currency', options);
  const amountMinor = row.money('amount', currency, options);
  if (amountMinor === null && !row.problems.length) row.problem('amount', 'the payment has no amount');
  // An activity feed (PayPal's) lists money going out as negative rows: refunds, but also withdrawals to the
  // bank and currency conversions, which no file tells apart in general. None of them is a payment received.
  if (amountMinor !== null && amountMinor < 0)
    row.problem(
      'amount',
      `"${row.text('amount')}" is money going out (a refund, a withdrawal or a conversion), not a payment received, so the row was not imported: a refund counts against revenue when the payment it returns carries it in a refunded column`,
    );
  const refundedMinor = row.money('refunded', currency, options) ?? 0;
  const feeMinor = row.money('fee', currency, options) ?? 0;
  const paidAt = row.instant('paidAt', options);
  if (!paidAt && !row.problems.length) row.problem('paidAt', 'the payment has no date');
  const { email, key } = customerEmail(row, 'email');
  const statusText = statusKey(row.text('status'));
  let status = statusText === '' ? 'succeeded' : (PAYMENT_STATUS[statusText] ?? statusText);
  if ((status === 'succeeded' || status === 'refunded') && amountMinor !== null && refundedMinor > 0) {
    status = refundedMinor >= amountMinor ? 'refunded' : 'partially_refunded';
  }
  if (row.problems.length > 0 || amountMinor === null || !paidAt) return null;
  return {
    line: row.line,
    externalId,
    paidAt,
    currency,
    amountMinor,
    refundedMinor,
    feeMinor,
    status,
    description: row.text('description'),
    email,
    emailKey: key,
    campaignCode: trackingCodeOf(row.text('campaign')),
    utmSource: row.text('utmSource') || null,
    utmMedium: row.text('utmMedium') || null,
  };
}
