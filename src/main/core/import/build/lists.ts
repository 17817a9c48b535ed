import { ActivityType } from '@shared/api/activities';
import { CampaignStatus, Objective } from '@shared/api/campaigns';
import { ContentStatus } from '@shared/api/content';
import { phoneKey } from '@shared/domain/phone';
import { companyKey, emailKey } from '../../contacts/keys';
import type {
  ActivityRecord,
  CampaignRecord,
  CompanyRecord,
  ContentRecord,
  SpendRecord,
  ValueOptions,
} from '../records';
import type { FieldRow } from './row';
import { channelOf, trackingCodeOf } from './utm';

/*
 * Companies, activities, campaigns, spend and content from mapped rows. The "Tandem export" presets also map
 * `x.id`, the record's id in the exporting workspace, so a re-import of the same file finds its records.
 */

const ID = /^[0-9a-z-]{8,40}$/i;
const tandemId = (row: FieldRow): string | null => {
  const id = row.text('x.id');
  return ID.test(id) ? id.toLowerCase() : null;
};

/** A value from a closed list (case forgiven); the default when empty; a row problem when unknown. */
function oneOf<T extends string>(
  row: FieldRow,
  field: string,
  values: readonly T[],
  what: string,
  fallback: T | null = null,
): T | null {
  const text = row.text(field).toLowerCase();
  if (text === '') return fallback;
  if ((values as readonly string[]).includes(text)) return text as T;
  return row.problem(field, `"${row.text(field)}" is not ${what} (${values.join(', ')})`);
}

/** Amounts of these kinds are in the workspace currency: a file in another one is refused per row. */
function workspaceCurrency(row: FieldRow, options: ValueOptions): string {
  const currency = row.currency('currency', options);
  if (currency !== options.currency)
    row.problem('currency', `amounts in ${currency}: this workspace keeps its money in ${options.currency}`);
  return options.currency;
}

function channelField(row: FieldRow, field = 'channel'): string | null {
  const text = row.text(field);
  if (!text) return null;
  return (
    channelOf(text) ??
    row.problem(field, `"${text}" is not a channel (social, email, web, ads, event, referral, other)`)
  );
}

export function buildCompany(row: FieldRow, options: ValueOptions): CompanyRecord | null {
  const name = row.text('name');
  if (!name) row.problem('name', 'the company has no name');
  const createdAt = row.instant('createdAt', options);
  if (row.problems.length > 0) return null;
  return {
    line: row.line,
    id: tandemId(row),
    createdAt,
    name,
    nameKey: companyKey(name) || name.toLowerCase(),
    domain: row.text('domain') || null,
    phone: row.text('phone') || null,
    website: row.text('website') || null,
    notes: row.text('notes'),
  };
}

export function buildActivity(row: FieldRow, options: ValueOptions): ActivityRecord | null {
  const type = oneOf(row, 'type', ActivityType.options, 'an activity type');
  if (!row.text('type')) row.problem('type', 'the activity has no type');
  const subject = row.text('subject');
  if (!subject) row.problem('subject', 'the activity has no subject');
  const dueAt = row.instant('dueAt', options);
  const doneAt = row.instant('doneAt', options);
  const createdAt = row.instant('createdAt', options);
  const email = row.text('contactEmail');
  const phone = row.text('contactPhone');
  if (row.problems.length > 0 || !type) return null;
  return {
    line: row.line,
    id: tandemId(row),
    createdAt,
    type,
    subject,
    notes: row.text('notes'),
    dueAt,
    doneAt,
    outcome: row.text('outcome') || null,
    leadRef: row.text('leadId') || null,
    emailKey: emailKey(email),
    phoneKey: phone ? phoneKey(phone, options.callingCode) : null,
  };
}

export function buildCampaign(row: FieldRow, options: ValueOptions): CampaignRecord | null {
  const name = row.text('name');
  if (!name) row.problem('name', 'the campaign has no name');
  const channel = channelField(row);
  if (!row.text('channel')) row.problem('channel', 'the campaign has no channel');
  const objective = oneOf(row, 'objective', Objective.options, 'an objective');
  const status = oneOf(row, 'status', CampaignStatus.options, 'a campaign status');
  const startDate = row.date('startDate', options);
  const endDate = row.date('endDate', options);
  const currency = workspaceCurrency(row, options);
  const budgetMinor = row.money('budget', currency, options);
  const targetRevenueMinor = row.money('targetRevenue', currency, options);
  const targetLeads = row.number('targetLeads', options);
  const codeText = row.text('trackingCode');
  const trackingCode = codeText ? trackingCodeOf(codeText) : null;
  if (codeText && !trackingCode) row.problem('trackingCode', `"${codeText}" cannot be a tracking code`);
  if (startDate && endDate && endDate < startDate)
    row.problem('endDate', 'the campaign ends before it starts');
  if (row.problems.length > 0 || !channel) return null;
  return {
    line: row.line,
    id: tandemId(row),
    createdAt: row.instant('createdAt', options),
    name,
    planName: row.text('plan') || null,
    channel,
    objective,
    status,
    startDate,
    endDate,
    budgetMinor,
    targetLeads: targetLeads === null ? null : Math.round(targetLeads),
    targetRevenueMinor,
    trackingCode,
    keyMessage: row.text('keyMessage'),
    landingUrl: row.text('landingUrl') || null,
  };
}

export function buildSpend(row: FieldRow, options: ValueOptions): SpendRecord | null {
  const date = row.date('date', options);
  if (!row.text('date')) row.problem('date', 'the entry has no date');
  const currency = workspaceCurrency(row, options);
  const amountMinor = row.money('amount', currency, options);
  if (!row.text('amount')) row.problem('amount', 'the entry has no amount');
  const campaignCode = trackingCodeOf(row.text('campaign'));
  const campaignName = row.text('campaignName') || null;
  if (!campaignCode && !campaignName) row.problem('campaign', 'spend needs a campaign to be booked on');
  if (row.problems.length > 0 || !date || amountMinor === null) return null;
  return {
    line: row.line,
    id: tandemId(row),
    createdAt: null,
    date,
    campaignCode,
    campaignName,
    amountMinor,
    note: row.text('note'),
  };
}

export function buildContent(row: FieldRow, options: ValueOptions): ContentRecord | null {
  const title = row.text('title');
  if (!title) row.problem('title', 'the item has no title');
  const channel = channelField(row);
  const status = oneOf(row, 'status', ContentStatus.options, 'a content status');
  const scheduledDate = row.date('scheduledDate', options);
  const createdAt = row.instant('createdAt', options);
  if (row.problems.length > 0) return null;
  return {
    line: row.line,
    id: tandemId(row),
    createdAt,
    title,
    channel,
    campaignCode: trackingCodeOf(row.text('campaign')),
    campaignName: row.text('campaignName') || null,
    status,
    scheduledDate,
    link: row.text('link') || null,
    utmContent: row.text('utmContent') || null,
    notes: row.text('notes'),
  };
}
