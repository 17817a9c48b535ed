import { zonedDay } from '@shared/domain/time-zone';
import type { ContactRecord, DealRecord, ValueOptions } from '../records';
import { emailsOf, phoneOf, splitName } from './contacts';
import type { FieldRow } from './row';
import { channelOf, trackingCodeOf } from './utm';

// `Won`, `Closed Won`, `closedwon`, `Closed-Won`, and pipelines' own wordings after it: HubSpot's
// `Closed won (Wholesale)`, Zoho's `Closed-Lost to Competition`, `Lost - no budget`.
const WON = /^(closed ?)?won(\s|\(|$)/;
const LOST = /^(closed ?)?lost(\s|\(|$)/;

/** The deal's outcome from its status, else its stage; null for a status that is none of them. */
export function outcomeOf(status: string, stage: string): 'open' | 'won' | 'lost' | null {
  for (const text of [status, stage]) {
    const t = text.trim().toLowerCase().replace(/[-_:]/g, ' ').replace(/\s+/g, ' ');
    if (WON.test(t)) return 'won';
    if (LOST.test(t)) return 'lost';
  }
  const s = status.trim().toLowerCase();
  return s === '' || s === 'open' || s === 'active' ? 'open' : null;
}

/**
 * The deal's person, when the row names them: by e-mail or phone, to match or create them by, or by name alone
 * (a contact with no keys, which the writer never joins to anyone the job did not make).
 */
function dealContact(row: FieldRow, company: string, callingCode: string): ContactRecord | null | undefined {
  const emails = emailsOf(row, 'contactEmail');
  if (emails === null) return undefined;
  const { phone, key } = phoneOf(row.text('contactPhone'), callingCode);
  const { first, last } = splitName(row.text('contactName'));
  if (emails.length === 0 && !key && !first && !last) return null;
  const [primary, ...others] = emails;
  return {
    line: row.line,
    firstName: first,
    lastName: last,
    email: primary?.email ?? null,
    emailKey: primary?.key ?? null,
    otherEmails: others,
    phone,
    phoneKey: key,
    company,
    title: '',
    city: '',
    region: '',
    country: '',
    lifecycle: null,
    tags: [],
    notes: '',
    owner: '',
    createdAt: null,
    campaignCode: null,
    channel: null,
    externalId: null,
  };
}

export function buildDeal(row: FieldRow, options: ValueOptions): DealRecord | null {
  const externalId = row.text('externalId');
  const title = row.text('title');
  if (!externalId) row.problem('externalId', 'the deal has no ID, so a re-import could not find it again');
  if (!title) row.problem('title', 'the deal has no title');
  const stage = row.text('stage');
  const outcome = outcomeOf(row.text('status'), stage);
  if (outcome === null)
    row.problem('status', `"${row.text('status')}" is not a deal status (open, won or lost)`);
  const currency = row.currency('currency', options);
  const valueMinor = row.money('value', currency, options) ?? 0;
  // A deal keeps no currency of its own: its value counts in the workspace's.
  if (valueMinor !== 0 && currency !== options.currency)
    row.problem(
      'value',
      `the deal's value is in ${currency}, but deal values are kept in ${options.currency} (the workspace currency): convert it to ${options.currency} in the file, then import it again`,
    );
  const createdAt = row.instant('createdAt', options);
  const closedAt = row.instant('closedAt', options);
  // An open deal's close date (HubSpot's `Close Date`) is the day it is expected to close.
  const expectedCloseDate =
    row.date('expectedCloseDate', options) ??
    (outcome === 'open' && closedAt ? zonedDay(Date.parse(closedAt), options.timeZone) : null);
  const company = row.text('company');
  const contact = dealContact(row, company, options.callingCode);
  if (row.problems.length > 0 || contact === undefined || outcome === null) return null;
  const channelText = row.text('channel');
  return {
    line: row.line,
    externalId,
    title,
    valueMinor,
    stage,
    outcome,
    createdAt,
    closedAt,
    expectedCloseDate,
    lostReason: outcome === 'lost' ? row.text('lostReason') || null : null,
    owner: row.text('owner'),
    contact,
    company,
    campaignCode: trackingCodeOf(row.text('campaign')),
    channel: channelText ? channelOf(channelText) : null,
  };
}
