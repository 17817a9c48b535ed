import { normalizeEmail, splitEmails } from '../read';
import { emailKey } from '../../contacts/keys';
import type { ContactRecord, DealRecord } from '../records';
import { lifecycleOf } from '../build/contacts';
import { trackingCodeOf } from '../build/utm';
import { definePreset } from './types';

/**
 * HubSpot's "Original Source" names the channel; drill-down 1 or 2 carries the UTM campaign for campaign
 * sources (1 for e-mail, paid search and other campaigns; 2 for social, where 1 is the network), and the
 * import name for offline sources ("coffeefest-2026 badge scans").
 */
const HUBSPOT_SOURCES: Record<string, { channel: string; code?: 'drill1' | 'drill2' | 'importName' }> = {
  'email marketing': { channel: 'email', code: 'drill1' },
  'paid search': { channel: 'ads', code: 'drill1' },
  'other campaigns': { channel: 'other', code: 'drill1' },
  'organic social': { channel: 'social', code: 'drill2' },
  'paid social': { channel: 'ads', code: 'drill2' },
  'offline sources': { channel: 'other', code: 'importName' },
  'organic search': { channel: 'web' },
  'direct traffic': { channel: 'web' },
  referrals: { channel: 'referral' },
  'ai referrals': { channel: 'referral' },
};

export const hubspotContacts = definePreset<ContactRecord>({
  name: 'hubspot-contacts',
  label: 'HubSpot contacts',
  kind: 'contacts',
  source: 'hubspot',
  identify: ['Record ID', 'First Name', 'Last Name', 'Email', 'Lifecycle Stage'],
  columns: {
    externalId: 'Record ID',
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone Number',
    owner: 'Contact owner',
    createdAt: 'Create Date',
    company: 'Associated Company',
    lifecycle: 'Lifecycle Stage',
    title: 'Job Title',
    city: 'City',
    region: 'State/Region',
    country: 'Country/Region',
    'x.source': 'Original Source',
    'x.drill1': 'Original Source Drill-Down 1',
    'x.drill2': 'Original Source Drill-Down 2',
  },
  adjust(contact, row) {
    const source = HUBSPOT_SOURCES[row.text('x.source').toLowerCase()];
    if (!source) return;
    contact.channel = source.channel;
    if (source.code === 'drill1') contact.campaignCode = trackingCodeOf(row.text('x.drill1'));
    else if (source.code === 'drill2') contact.campaignCode = trackingCodeOf(row.text('x.drill2'));
    else if (source.code === 'importName') {
      // An import named after a campaign ("coffeefest-2026 badge scans") came from that campaign.
      const first = row.text('x.drill2').split(/\s+/)[0] ?? '';
      if (/[-_]/.test(first) && /\d|[a-z]-[a-z]/.test(first)) {
        contact.campaignCode = trackingCodeOf(first);
        if (/fest|expo|booth|badge|event|fair/i.test(row.text('x.drill2'))) contact.channel = 'event';
      }
    }
  },
});

export const googleContacts = definePreset<ContactRecord>({
  name: 'google-contacts',
  label: 'Google Contacts',
  kind: 'contacts',
  source: 'google',
  identify: ['First Name', 'Last Name', 'E-mail 1 - Value', 'Labels'],
  columns: {
    firstName: 'First Name',
    lastName: 'Last Name',
    company: 'Organization Name',
    title: 'Organization Title',
    notes: 'Notes',
    tags: 'Labels',
    email: 'E-mail 1 - Value',
    phone: 'Phone 1 - Value',
    city: 'Address 1 - City',
    region: 'Address 1 - Region',
    country: 'Address 1 - Country',
    email2: 'E-mail 2 - Value',
    phone2: 'Phone 2 - Value',
  },
  // Google writes as many numbered columns as its fullest contact needs: the third and further ones too.
  further: { email2: /^E-mail (?:[3-9]|\d{2,}) - Value$/, phone2: /^Phone (?:[3-9]|\d{2,}) - Value$/ },
  adjust(contact, row) {
    // "* myContacts" is Google's own group; a leading "* " marks the primary value.
    contact.tags = contact.tags
      .map((t) => t.replace(/^\*\s*/, ''))
      .filter((t) => t.toLowerCase() !== 'mycontacts');
    const lifecycle = contact.tags.map(lifecycleOf).find((l) => l !== null);
    if (lifecycle) contact.lifecycle = lifecycle;
    // The third and further addresses: one that cannot be read is left out with a note, the contact kept.
    for (const text of row.texts('email2').slice(1).flatMap(splitEmails)) {
      const parsed = normalizeEmail(text);
      if (!parsed.ok) {
        row.notes.push(row.note(`"${text}": ${parsed.reason}; the contact was kept without this address`));
        continue;
      }
      const key = emailKey(parsed.value) ?? parsed.value;
      if (key !== contact.emailKey && !contact.otherEmails.some((e) => e.key === key))
        contact.otherEmails.push({ email: parsed.value, key });
    }
  },
});

const PIPEDRIVE_CHANNELS: Record<string, string> = {
  'organic search': 'web',
  'paid search': 'ads',
  'social media': 'social',
  'paid social': 'ads',
  event: 'event',
  referral: 'referral',
  email: 'email',
  'email marketing': 'email',
  'direct traffic': 'web',
};

export const pipedriveDeals = definePreset<DealRecord>({
  name: 'pipedrive-deals',
  label: 'Pipedrive deals',
  kind: 'deals',
  source: 'pipedrive',
  identify: ['Deal - ID', 'Deal - Title', 'Deal - Stage', 'Deal - Status'],
  columns: {
    externalId: 'Deal - ID',
    title: 'Deal - Title',
    value: 'Deal - Value',
    currency: 'Deal - Currency of Value',
    stage: 'Deal - Stage',
    status: 'Deal - Status',
    createdAt: 'Deal - Deal created',
    closedAt: 'Deal - Deal closed on',
    expectedCloseDate: 'Deal - Expected close date',
    lostReason: 'Deal - Lost reason',
    owner: 'Deal - Owner',
    contactName: 'Deal - Contact person',
    contactEmail: 'Person - Email',
    contactPhone: 'Person - Phone',
    company: 'Deal - Organization',
    campaign: 'Deal - Source channel ID',
    'x.channel': 'Deal - Source channel',
    'x.wonAt': 'Deal - Won time',
    'x.lostAt': 'Deal - Lost time',
  },
  adjust(deal, row, { options }) {
    deal.channel = PIPEDRIVE_CHANNELS[row.text('x.channel').toLowerCase()] ?? deal.channel;
    if (deal.outcome !== 'open' && !deal.closedAt)
      deal.closedAt = row.instant(deal.outcome === 'won' ? 'x.wonAt' : 'x.lostAt', options);
  },
});
