import type { ImportKind, TargetField } from '../api/imports';
import { LIST_KINDS } from './kinds-lists';

/**
 * What each kind of import can fill: the fields of the mapping screen, the names a column may have for each
 * (for the guessed mapping) and what a mapping must cover. The core and the mapping screen both read it.
 */

interface FieldSpec {
  label: string;
  description: string;
  required?: boolean;
  oneOf?: string;
  /** Header names (lower case, punctuation-free) that mean this field, for the guessed mapping. */
  synonyms?: string[];
}

interface KindSpec {
  label: string;
  rules: string[];
  fields: Record<string, FieldSpec>;
}

const campaign: FieldSpec = {
  label: 'Campaign (tracking code)',
  description: 'utm_campaign value; unknown codes become draft campaigns',
  synonyms: ['utm campaign', 'campaign', 'tracking code'],
};
const channel: FieldSpec = {
  label: 'Channel',
  description: 'social, email, web, ads, event, referral or other',
};
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
  contacts: {
    label: 'Contacts',
    rules: ['Map an e-mail or a phone column: contacts are matched by e-mail, then phone.'],
    fields: {
      firstName: {
        label: 'First name',
        description: '',
        synonyms: [
          'first name',
          'given name',
          'firstname',
          'first',
          'vorname',
          'prenom',
          'nombre',
          'voornaam',
        ],
      },
      lastName: {
        label: 'Last name',
        description: '',
        synonyms: [
          'last name',
          'surname',
          'family name',
          'lastname',
          'last',
          'nachname',
          'familienname',
          'nom de famille',
          'nom',
          'apellidos',
          'apellido',
          'achternaam',
        ],
      },
      fullName: {
        label: 'Full name',
        description: 'split into first and last name',
        synonyms: ['full name', 'contact name', 'name', 'display name', 'nom complet', 'nombre completo'],
      },
      email: {
        label: 'E-mail',
        description: 'first dedupe key',
        oneOf: 'identity',
        synonyms: [
          'email',
          'e mail',
          'email address',
          'e mail address',
          'primary email',
          'email 1',
          'work email',
          'personal email',
          'e mail adresse',
          'courriel',
          'correo electronico',
          'correo',
        ],
      },
      phone: {
        label: 'Phone',
        description: 'second dedupe key',
        oneOf: 'identity',
        synonyms: [
          'phone',
          'phone number',
          'mobile',
          'mobile phone',
          'mobile number',
          'cell',
          'cell phone',
          'telephone',
          'primary phone',
          'business phone',
          'work phone',
          'home phone',
          'phone 1',
          'telefon',
          'telefonnummer',
          'mobil',
          'handy',
          'mobiltelefon',
          'telephone portable',
          'portable',
          'telefono',
          'movil',
          'telefoon',
        ],
      },
      email2: {
        label: 'Other e-mail',
        description: 'a second address, kept in the notes; finds the contact whose address it is',
        synonyms: [
          'email 2',
          'e mail 2',
          'email 2 address',
          'e mail 2 address',
          'secondary email',
          'other email',
          'alternate email',
          'additional email',
        ],
      },
      phone2: {
        label: 'Other phone',
        description: 'a second number, kept in the notes',
        synonyms: [
          'phone 2',
          'other phone',
          'secondary phone',
          'alternate phone',
          'additional phone',
          'mobile phone 2',
          'business phone 2',
          'home phone 2',
        ],
      },
      company: {
        label: 'Company',
        description: 'matched to a company by name',
        synonyms: [
          'company',
          'company name',
          'organization',
          'organisation',
          'account',
          'account name',
          'organization name',
          'firma',
          'unternehmen',
          'entreprise',
          'societe',
          'empresa',
          'bedrijf',
        ],
      },
      title: {
        label: 'Job title',
        description: '',
        // Outlook's `Title` holds Mr. or Ms.; its `Job Title` beside it is the one wanted.
        synonyms: [
          'job title',
          'title',
          'position',
          'role',
          'berufsbezeichnung',
          'poste',
          'cargo',
          'functie',
        ],
      },
      city: {
        label: 'City',
        description: '',
        synonyms: [
          'city',
          'town',
          'mailing city',
          'billing city',
          'business city',
          'home city',
          'stadt',
          'ort',
          'ville',
          'ciudad',
          'plaats',
        ],
      },
      region: {
        label: 'State / region',
        description: '',
        synonyms: [
          'state',
          'region',
          'province',
          'state region',
          'mailing state province',
          'mailing state',
          'billing state',
          'business state',
          'home state',
          'bundesland',
        ],
      },
      country: {
        label: 'Country',
        description: '',
        synonyms: [
          'country',
          'country region',
          'mailing country',
          'billing country',
          'business country region',
          'home country region',
          'land',
          'pays',
          'pais',
        ],
      },
      lifecycle: {
        label: 'Lifecycle',
        description: 'subscriber, lead, customer, partner, supplier, other',
        synonyms: ['lifecycle', 'lifecycle stage', 'type'],
      },
      tags: {
        label: 'Tags',
        description: 'several values separated by commas',
        synonyms: ['tags', 'labels', 'groups'],
      },
      notes: {
        label: 'Notes',
        description: '',
        synonyms: ['notes', 'note', 'comments', 'description', 'notizen', 'bemerkungen', 'remarques'],
      },
      owner: { label: 'Owner', description: '', synonyms: ['owner', 'contact owner'] },
      createdAt: {
        label: 'Created',
        description: 'date or date and time',
        synonyms: [
          'created',
          'created at',
          'create date',
          'date added',
          'signup date',
          'created date',
          'created time',
          'date created',
          'created on',
        ],
      },
      campaign,
      channel,
      externalId: {
        label: 'ID in the other system',
        description: 'kept for reference',
        synonyms: ['record id', 'contact id', 'id'],
      },
    },
  },
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
        description: '',
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
