import { campaign as anyCampaign, channel, type FieldSpec, type KindSpec } from './field-spec';

/**
 * The import fields of the kinds Tandem mostly reads back from its own exports: companies, activities,
 * campaigns, spend entries and content items. Any spreadsheet of them can be mapped too.
 */

/** Beside a campaign name, a bare "Campaign" column is the name. */
const campaign: FieldSpec = { ...anyCampaign, synonyms: ['campaign code', 'utm campaign', 'tracking code'] };
const campaignName: FieldSpec = {
  label: 'Campaign name',
  description: 'matched to a campaign by name when there is no code',
  synonyms: ['campaign', 'campaign name'],
};
const notes: FieldSpec = { label: 'Notes', description: '', synonyms: ['notes', 'note', 'description'] };
const createdAt: FieldSpec = {
  label: 'Created',
  description: 'date or date and time',
  synonyms: ['created', 'created at', 'date added'],
};

export const LIST_KINDS = {
  companies: {
    label: 'Companies',
    rules: ['Companies are matched by name (case, punctuation and legal suffixes ignored).'],
    fields: {
      name: {
        label: 'Name',
        description: 'matched to a company by name',
        required: true,
        synonyms: ['name', 'company', 'company name', 'organization', 'organisation', 'account'],
      },
      domain: { label: 'Domain', description: '', synonyms: ['domain', 'company domain'] },
      phone: { label: 'Phone', description: '', synonyms: ['phone', 'phone number', 'telephone'] },
      website: { label: 'Website', description: '', synonyms: ['website', 'url', 'web site'] },
      notes,
      createdAt,
    },
  },
  activities: {
    label: 'Activities (follow-ups)',
    rules: [
      'An activity is matched by type, subject, dates, lead and contact, so a re-import does not repeat it.',
    ],
    fields: {
      type: {
        label: 'Type',
        description: 'call, email, meeting, note, task or linkedin',
        required: true,
        synonyms: ['type', 'activity type'],
      },
      subject: { label: 'Subject', description: '', required: true, synonyms: ['subject', 'title'] },
      dueAt: { label: 'Due', description: 'date or date and time', synonyms: ['due', 'due at', 'due date'] },
      doneAt: {
        label: 'Done',
        description: 'when it was done; empty for an open follow-up',
        synonyms: ['done', 'done at', 'completed', 'completed at'],
      },
      outcome: { label: 'Outcome', description: '', synonyms: ['outcome', 'result'] },
      leadId: {
        label: 'Lead (deal ID)',
        description: 'the lead it belongs to, by its deal ID',
        synonyms: ['lead deal id', 'deal id'],
      },
      contactEmail: {
        label: 'Contact e-mail',
        description: 'matched to a contact',
        synonyms: ['contact email', 'email'],
      },
      contactPhone: {
        label: 'Contact phone',
        description: 'matched to a contact when there is no e-mail',
        synonyms: ['contact phone', 'phone'],
      },
      notes,
      createdAt,
    },
  },
  campaigns: {
    label: 'Campaigns',
    rules: ['Campaigns are matched by tracking code, then by name.'],
    fields: {
      name: {
        label: 'Name',
        description: '',
        required: true,
        synonyms: ['name', 'campaign', 'campaign name'],
      },
      plan: { label: 'Plan', description: 'matched to a plan by name', synonyms: ['plan', 'plan name'] },
      channel: { ...channel, required: true },
      objective: {
        label: 'Objective',
        description: 'awareness, leads or sales',
        synonyms: ['objective', 'goal'],
      },
      status: {
        label: 'Status',
        description: 'draft, planned, active, paused or done',
        synonyms: ['status'],
      },
      startDate: { label: 'Start date', description: '', synonyms: ['start', 'start date', 'starts'] },
      endDate: { label: 'End date', description: '', synonyms: ['end', 'end date', 'ends'] },
      budget: { label: 'Budget', description: 'in major units, e.g. 500.00', synonyms: ['budget'] },
      currency: {
        label: 'Currency',
        description: 'must be the workspace currency when given',
        synonyms: ['currency'],
      },
      targetLeads: { label: 'Target leads', description: '', synonyms: ['target leads', 'lead goal'] },
      targetRevenue: {
        label: 'Target revenue',
        description: 'in major units',
        synonyms: ['target revenue', 'revenue goal'],
      },
      trackingCode: {
        label: 'Tracking code',
        description: 'utm_campaign value',
        synonyms: ['tracking code', 'utm campaign', 'code'],
      },
      keyMessage: { label: 'Key message', description: '', synonyms: ['key message', 'message'] },
      landingUrl: {
        label: 'Landing page',
        description: '',
        synonyms: ['landing page', 'landing url', 'url'],
      },
      createdAt,
    },
  },
  spend: {
    label: 'Spend',
    rules: [
      'Map a campaign code or a campaign name: spend is booked on a campaign.',
      'Entries of one day and campaign are one entry: a re-import updates it, repeats in one file add up.',
    ],
    fields: {
      date: { label: 'Date', description: '', required: true, synonyms: ['date', 'day', 'spent on'] },
      amount: {
        label: 'Amount',
        description: 'in major units, e.g. 12.50; a credit may be negative',
        required: true,
        synonyms: ['amount', 'spend', 'cost', 'amount spent'],
      },
      currency: {
        label: 'Currency',
        description: 'must be the workspace currency when given',
        synonyms: ['currency'],
      },
      campaign: { ...campaign, oneOf: 'campaign' },
      campaignName: { ...campaignName, oneOf: 'campaign' },
      note: { label: 'Note', description: '', synonyms: ['note', 'notes', 'description'] },
    },
  },
  content: {
    label: 'Content items',
    rules: ['Items are matched by utm_content, else by title, date and channel.'],
    fields: {
      title: { label: 'Title', description: '', required: true, synonyms: ['title', 'name', 'subject'] },
      channel,
      campaign,
      campaignName,
      status: {
        label: 'Status',
        description: 'idea, draft, scheduled or published',
        synonyms: ['status'],
      },
      scheduledDate: {
        label: 'Scheduled date',
        description: '',
        synonyms: ['scheduled date', 'date', 'publish date'],
      },
      link: { label: 'Link', description: '', synonyms: ['link', 'url'] },
      utmContent: { label: 'utm_content', description: '', synonyms: ['utm content'] },
      notes,
      createdAt,
    },
  },
} satisfies Record<string, KindSpec>;
