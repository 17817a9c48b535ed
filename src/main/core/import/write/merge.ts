import type { ContactRecord } from '../records';
import { changedColumns, updateRow, type WriteContext } from './context';
import type { contacts } from '../../db/schema';
import type { SqlRow } from '../../db/typed';

/** A contact row as the import reads and writes it (SQL column names). */
/** The columns an import reads and merges (write/contacts.ts COLUMNS). */
export type ContactRow = SqlRow<
  typeof contacts,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'email_key'
  | 'phone'
  | 'phone_key'
  | 'company_id'
  | 'title'
  | 'city'
  | 'region'
  | 'country'
  | 'lifecycle'
  | 'source_campaign_id'
  | 'source_channel'
  | 'notes'
  | 'tags'
  | 'owner'
  | 'external_id'
  | 'import_job_id'
>;

/** Lifecycle only moves forward on import: a customer listed as a lead elsewhere stays a customer. */
const RANK: Record<string, number> = { subscriber: 0, lead: 1, customer: 2 };

function joinTags(current: string, extra: readonly string[]): string {
  const tags = current ? current.split(/\s*,\s*/).filter(Boolean) : [];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const tag of extra) {
    if (!seen.has(tag.toLowerCase())) {
      tags.push(tag);
      seen.add(tag.toLowerCase());
    }
  }
  return tags.join(', ');
}

function appendText(current: string, addition: string): string {
  if (!addition || current.includes(addition)) return current;
  return current ? `${current}\n${addition}` : addition;
}

/**
 * Fills the contact's empty fields from the record and never overwrites a value with an empty one. Records
 * the before-image when the contact existed before this job. Returns whether anything changed.
 */
export function mergeContact(current: ContactRow, record: ContactRecord, w: WriteContext): boolean {
  const next: Partial<ContactRow> = {};
  const fill = <K extends keyof ContactRow>(column: K, value: ContactRow[K] | '' | undefined) => {
    if (!current[column] && value) next[column] = value as ContactRow[K];
  };
  fill('first_name', record.firstName);
  fill('last_name', record.lastName);
  if (!current.email && record.email) {
    next.email = record.email;
    next.email_key = record.emailKey;
  }
  if (!current.phone && record.phone) {
    next.phone = record.phone;
    next.phone_key = record.phoneKey;
  }
  fill('title', record.title);
  fill('city', record.city);
  fill('region', record.region);
  fill('country', record.country);
  fill('owner', record.owner);
  fill('external_id', record.externalId);
  fill('source_channel', record.channel);
  if (!current.company_id && record.company) next.company_id = w.companies.idFor(record.company);
  if (!current.source_campaign_id && record.campaignCode) {
    next.source_campaign_id = w.campaigns.byCode(record.campaignCode, { channel: record.channel }).id;
  }
  if (record.lifecycle && (RANK[record.lifecycle] ?? -1) > (RANK[current.lifecycle] ?? 9))
    next.lifecycle = record.lifecycle;
  let notes = appendText(current.notes, record.notes);
  for (const other of record.otherEmails) {
    if (other.key !== (next.email_key ?? current.email_key))
      notes = appendText(notes, `Other e-mail: ${other.email}`);
  }
  if (notes !== current.notes) next.notes = notes;
  if (record.tags.length > 0) {
    const tags = joinTags(current.tags, record.tags);
    if (tags !== current.tags) next.tags = tags;
  }

  const before = changedColumns(current as unknown as Record<string, unknown>, next);
  if (!before) return false;
  if (current.import_job_id !== w.jobId) w.changes.updated('contacts', current.id, before);
  updateRow(w.sqlite, 'contacts', current.id, next, w.now());
  Object.assign(current, next);
  return true;
}
