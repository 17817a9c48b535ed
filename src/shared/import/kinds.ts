import type { ImportKind, TargetField } from '../api/imports';
import { campaign, channel, type FieldSpec, type KindSpec } from './field-spec';
import { CONTACTS } from './kinds-contacts';
import { LIST_KINDS } from './kinds-lists';

/**
 * What each kind of import can fill: the fields of the mapping screen, the names a column may have for each
 * (for the guessed mapping) and what a mapping must cover. The core and the mapping screen both read it.
 */

const currency: FieldSpec = {
  label: 'Currency',
  description: 'ISO code such as USD; the workspace currency when empty',
};
const email: FieldSpec = {
  label: 'Customer e-mail',
  description: 'matched to a contact',
  synonyms: ['email', 'e mail', 'customer email'],
};
const amount = (label: string, description = 'in major units, e.g. 12.50'): FieldSpec => ({
  label,
  description,
});

export const METRICS = [
  'visits',
  'impressions',
  'reach',
  'clicks',
  'engagements',
  'reactions',
  'comments',
  'shares',
  'followers',
  'recipients',
  'opens',
  'unsubscribes',
  'conversions',
] as const;

/** What each kind of import can fill, for the mapping screen and for validating a mapping. */
export const KINDS: Record<ImportKind, KindSpec> = {
  contacts: CONTACTS,
  deals: {
    label: 'Deals (leads)',
    rules: [],
    fields: {
      externalId: {
        label: 'Deal ID',
        description: 'updates the same deal on re-import',
        required: true,
        synonyms: ['deal id', 'record id', 'id'],
      },
      title: {
        label: 'Title',
        description: '',
        required: true,
        synonyms: ['title', 'deal title', 'name', 'deal name'],
      },
      value: { ...amount('Value'), synonyms: ['deal value', 'deal amount', 'value', 'amount'] },
      currency,
      stage: {
        label: 'Stage',
        description: 'matched to a pipeline stage by name',
        synonyms: ['stage', 'deal stage', 'pipeline stage'],
      },
      status: { label: 'Status', description: 'open, won or lost', synonyms: ['status', 'deal status'] },
      createdAt: {
        label: 'Created',
        description: '',
        synonyms: ['created', 'created at', 'create date', 'deal created'],
      },
      closedAt: {
        label: 'Closed',
        description: 'when it was won or lost',
        synonyms: ['closed', 'close date', 'closed at', 'closed on'],
      },
      expectedCloseDate: {
        label: 'Expected close',
        description: '',
        synonyms: ['expected close date', 'expected close'],
      },
      lostReason: { label: 'Lost reason', description: '', synonyms: ['lost reason'] },
      owner: { label: 'Owner', description: '', synonyms: ['owner', 'deal owner'] },
      contactName: {
        label: 'Contact name',
        description: 'with no e-mail or phone, a contact of that name for the deal',
        synonyms: ['contact', 'contact person', 'person'],
      },
      contactEmail: {
        label: 'Contact e-mail',
        description: 'matched to a contact',
        synonyms: ['email', 'contact email', 'person email'],
      },
      contactPhone: {
        label: 'Contact phone',
        description: '',
        synonyms: ['phone', 'contact phone', 'person phone'],
      },
      company: { label: 'Company', description: '', synonyms: ['company', 'organization', 'organisation'] },
      campaign,
      channel,
    },
  },
  orders: {
    label: 'Orders',
    rules: ['Rows with the same order ID are one order with several line items.'],
    fields: {
      externalId: {
        label: 'Order ID',
        description: 'rows with the same ID are one order',
        required: true,
        synonyms: ['order id', 'order number', 'order', 'name', 'bestellnummer'],
      },
      orderedAt: {
        label: 'Ordered at',
        description: '',
        required: true,
        synonyms: ['order date', 'ordered at', 'created at', 'date', 'bestelldatum', 'datum'],
      },
      total: {
        ...amount('Total'),
        required: true,
        synonyms: ['order total', 'order total amount', 'total', 'amount', 'gesamtsumme', 'summe', 'betrag'],
      },
      currency,
      status: {
        label: 'Status',
        description: 'paid, pending, refunded, partially_refunded, voided',
        synonyms: ['status', 'financial status', 'payment status'],
      },
      email,
      customerName: {
        label: 'Customer name',
        description: '',
        synonyms: ['customer', 'customer name', 'billing name'],
      },
      subtotal: amount('Subtotal'),
      discount: amount('Discount'),
      shipping: amount('Shipping'),
      tax: amount('Tax'),
      refunded: amount('Refunded amount'),
      discountCode: { label: 'Discount code', description: '', synonyms: ['discount code', 'coupon'] },
      campaign,
      utmSource: { label: 'utm_source', description: '', synonyms: ['utm source'] },
      utmMedium: { label: 'utm_medium', description: '', synonyms: ['utm medium'] },
      utmContent: {
        label: 'utm_content',
        description: 'names the content item (post, mail) the buyer came from',
        synonyms: ['utm content'],
      },
      landingSite: {
        label: 'Landing page URL',
        description: 'the utm_* tags in its query fill the ones above',
        synonyms: ['landing site', 'landing page', 'landing url', 'landing page url', 'landing site url'],
      },
      lineName: {
        label: 'Line item name',
        description: '',
        synonyms: ['product', 'item', 'lineitem name', 'product name'],
      },
      lineQuantity: {
        label: 'Line item quantity',
        description: '',
        synonyms: ['quantity', 'qty', 'lineitem quantity'],
      },
      linePrice: amount('Line item unit price'),
      lineSku: { label: 'Line item SKU', description: '', synonyms: ['sku', 'lineitem sku'] },
    },
  },
  payments: {
    label: 'Payments',
    rules: [],
    fields: {
      externalId: {
        label: 'Payment ID',
        description: 'updates the same payment on re-import',
        required: true,
        synonyms: ['payment id', 'transaction id', 'charge id', 'id'],
      },
      paidAt: {
        label: 'Paid at',
        description: '',
        required: true,
        synonyms: ['payment date', 'paid at', 'date', 'created', 'created date', 'datum'],
      },
      amount: { ...amount('Amount'), required: true, synonyms: ['amount', 'gross', 'total', 'betrag'] },
      currency,
      status: { label: 'Status', description: 'succeeded, refunded, failed, pending', synonyms: ['status'] },
      refunded: amount('Refunded amount'),
      fee: amount('Fee'),
      email,
      description: { label: 'Description', description: '', synonyms: ['description', 'memo'] },
      campaign,
      utmSource: { label: 'utm_source', description: '', synonyms: ['utm source'] },
      utmMedium: { label: 'utm_medium', description: '', synonyms: ['utm medium'] },
    },
  },
  metrics: {
    label: 'Daily marketing numbers',
    rules: [
      'Map at least one number (visits, impressions, spend...).',
      'Rows without a campaign count for their channel, or for the whole site.',
    ],
    fields: {
      date: {
        label: 'Date',
        description: 'one row per day',
        required: true,
        synonyms: ['date', 'day', 'reporting starts'],
      },
      campaign: { ...campaign, synonyms: ['utm campaign', 'campaign', 'campaign name', 'tracking code'] },
      channel,
      ...Object.fromEntries(
        METRICS.map((m) => [
          m,
          {
            label: m[0]?.toUpperCase() + m.slice(1),
            description: 'a count for the day',
            oneOf: 'metric',
            synonyms: [m],
          },
        ]),
      ),
      spend: {
        label: 'Spend',
        description: 'amount spent that day (needs a campaign)',
        oneOf: 'metric',
        synonyms: ['spend', 'amount spent', 'cost'],
      },
    },
  },
  ...LIST_KINDS,
};

export function kindCatalogue(): {
  kind: ImportKind;
  label: string;
  fields: TargetField[];
  rules: string[];
}[] {
  return (Object.keys(KINDS) as ImportKind[]).map((kind) => {
    const spec = KINDS[kind];
    return {
      kind,
      label: spec.label,
      rules: spec.rules,
      fields: Object.entries(spec.fields).map(([name, f]) => ({
        name,
        label: f.label,
        required: f.required ?? false,
        oneOf: f.oneOf ?? null,
        description: f.description,
      })),
    };
  });
}
