import type { OrderRecord, PaymentRecord } from '../records';
import { trackingCodeOf, utmTagsOf } from '../build/utm';
import { definePreset } from './types';

export const shopifyOrders = definePreset<OrderRecord>({
  name: 'shopify-orders',
  label: 'Shopify orders',
  kind: 'orders',
  source: 'shopify',
  identify: [
    'Name',
    'Email',
    'Financial Status',
    'Created at',
    'Lineitem quantity',
    'Lineitem name',
    'Total',
  ],
  columns: {
    externalId: 'Name',
    email: 'Email',
    status: 'Financial Status',
    currency: 'Currency',
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    tax: 'Taxes',
    total: 'Total',
    discountCode: 'Discount Code',
    discount: 'Discount Amount',
    orderedAt: 'Created at',
    lineQuantity: 'Lineitem quantity',
    lineName: 'Lineitem name',
    linePrice: 'Lineitem price',
    lineSku: 'Lineitem sku',
    customerName: 'Billing Name',
    refunded: 'Refunded Amount',
    'x.attributes': 'Note Attributes',
    // Exports made by apps or the Admin API carry the first visit's landing page instead.
    'x.landing': /^landing (site|page)( url)?$/i,
  },
  groupBy: 'externalId',
  adjust(order, row, { group }) {
    // Order-level cells are on the order's first row only.
    const first = group[0];
    if (!first) return;
    row.reset(first.cells, first.line);
    // Note Attributes hold `utm_source: …` lines, or a landing_site URL with the tags in its query.
    const utm = utmTagsOf(row.text('x.attributes'), row.text('x.landing'));
    if (utm.campaign) order.campaignCode = trackingCodeOf(utm.campaign);
    order.utmSource = utm.source || order.utmSource;
    order.utmMedium = utm.medium || order.utmMedium;
    if (utm.content) order.utmContent = trackingCodeOf(utm.content) ?? order.utmContent;
  },
});

/**
 * Stripe's unified payments export. A PaymentIntent that never got a payment method has an empty charge id
 * and status requires_payment_method: nothing was charged, so the row is left out with a note rather than
 * imported as a failed payment (it has no id to find it by again, and it is not a payment attempt). A charge
 * in a currency other than the account's is read in the account's (`Converted Amount`, `Converted Currency`).
 * A lost dispute counts as a refund of the disputed amount; an open or won one changes nothing.
 */
export const stripePayments = definePreset<PaymentRecord>({
  name: 'stripe-payments',
  label: 'Stripe payments',
  kind: 'payments',
  source: 'stripe',
  identify: ['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'],
  columns: {
    externalId: 'id',
    paidAt: 'Created date (UTC)',
    amount: 'Amount',
    refunded: 'Amount Refunded',
    currency: 'Currency',
    status: 'Status',
    fee: 'Fee',
    'x.convertedAmount': 'Converted Amount',
    'x.convertedRefunded': 'Converted Amount Refunded',
    'x.convertedCurrency': 'Converted Currency',
    'x.disputedAmount': 'Disputed Amount',
    'x.disputeStatus': 'Dispute Status',
    email: 'Customer Email',
    description: 'Description',
    campaign: 'UTM Campaign',
    utmMedium: 'UTM Medium',
    utmSource: 'UTM Source',
  },
  timeZone: 'UTC',
  skip(row) {
    if (row.text('externalId') !== '') return null;
    const status = row.text('status');
    return status === 'requires_payment_method' || status === 'requires_confirmation' || status === 'canceled'
      ? `incomplete payment attempt (${status}): nothing was charged, so it is not imported`
      : null;
  },
  adjust(payment, row, { options }) {
    // A lost dispute: the bank took the disputed amount back (in the charge's currency), as a refund would.
    const charge = { currency: payment.currency, amountMinor: payment.amountMinor };
    const disputed =
      row.text('x.disputeStatus').toLowerCase() === 'lost'
        ? (row.money('x.disputedAmount', charge.currency, options) ?? charge.amountMinor)
        : 0;
    // A charge in another currency than the account's: Stripe converts it, and its Fee is in the account's
    // currency. The payment counts as the money the account received; the charged amount stays in its
    // description.
    const settled = row.text('x.convertedCurrency').toUpperCase();
    const currency = row.currency('x.convertedCurrency', options);
    const converted = settled !== '' && settled !== payment.currency && row.text('x.convertedAmount') !== '';
    const amount = converted ? row.money('x.convertedAmount', currency, options) : null;
    if (amount !== null) {
      const charged = `charged ${row.text('amount')} ${payment.currency}`;
      Object.assign(payment, {
        currency,
        amountMinor: amount,
        refundedMinor: row.money('x.convertedRefunded', currency, options) ?? 0,
        feeMinor: row.money('fee', currency, options) ?? 0,
        description: payment.description ? `${payment.description} (${charged})` : charged,
      });
    }
    if (disputed <= 0 || charge.amountMinor <= 0 || payment.status === 'failed') return;
    // In the account's currency at the charge's own rate.
    const taken = Math.round((disputed * payment.amountMinor) / charge.amountMinor);
    payment.refundedMinor = Math.min(payment.amountMinor, payment.refundedMinor + taken);
    payment.status = payment.refundedMinor >= payment.amountMinor ? 'refunded' : 'partially_refunded';
    const lost = 'dispute lost';
    payment.description = payment.description ? `${payment.description} (${lost})` : lost;
  },
});
