import { uuidv7 } from 'uuidv7';
import { prepared } from '../../db/prepared';
import type { ContactRecord } from '../records';
import { mergeContact, type ContactRow } from './merge';
import type { Counts, WriteContext } from './context';

const COLUMNS = `id, first_name, last_name, email, email_key, phone, phone_key, company_id, title, city, region, country,
  lifecycle, source_campaign_id, source_channel, notes, tags, owner, external_id, import_job_id`;

const INSERT = `INSERT INTO contacts (id, first_name, last_name, email, email_key, phone, phone_key, company_id, title,
  city, region, country, lifecycle, source_campaign_id, source_channel, notes, tags, owner, external_id, import_job_id,
  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Live contacts having one of these keys, oldest first: one indexed lookup per batch, not per row. */
function findBy(w: WriteContext, column: 'email_key' | 'phone_key', keys: string[]): Map<string, ContactRow> {
  const found = new Map<string, ContactRow>();
  if (keys.length === 0) return found;
  const rows = prepared(
    w.sqlite,
    `SELECT ${COLUMNS} FROM contacts WHERE ${column} IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY rowid`,
  ).all(JSON.stringify(keys)) as ContactRow[];
  for (const row of rows) {
    const key = row[column];
    if (key && !found.has(key)) found.set(key, row);
  }
  return found;
}

function otherEmailsNote(record: ContactRecord): string {
  return record.otherEmails.map((e) => `Other e-mail: ${e.email}`).join('\n');
}

/**
 * Writes contacts, deduplicated by normalised e-mail (any address of the row), then phone: a row matching a
 * contact fills that contact's empty fields instead of creating another. Phone matches never join two
 * different e-mail addresses (a shared office line is not one person). Returns each record's contact id.
 */
export function writeContacts(
  records: readonly ContactRecord[],
  w: WriteContext,
  counts: Counts = w.counts,
): string[] {
  const emailKeys = new Set<string>();
  for (const r of records) {
    if (r.emailKey) emailKeys.add(r.emailKey);
    for (const e of r.otherEmails) emailKeys.add(e.key);
  }
  const byEmail = findBy(w, 'email_key', [...emailKeys]);
  const phoneKeys = new Set<string>();
  for (const r of records) {
    if (!r.phoneKey) continue;
    const matched = (r.emailKey && byEmail.has(r.emailKey)) || r.otherEmails.some((e) => byEmail.has(e.key));
    if (!matched) phoneKeys.add(r.phoneKey);
  }
  const byPhone = findBy(w, 'phone_key', [...phoneKeys]);
  const insert = prepared(w.sqlite, INSERT);
  const ids: string[] = [];

  for (const record of records) {
    let match: ContactRow | undefined;
    for (const key of [record.emailKey, ...record.otherEmails.map((e) => e.key)]) {
      if (key && (match = byEmail.get(key))) break;
    }
    if (!match && record.phoneKey) {
      const candidate = byPhone.get(record.phoneKey);
      if (candidate && (!record.emailKey || !candidate.email_key)) match = candidate;
    }
    if (match) {
      const changed = mergeContact(match, record, w);
      if (changed) counts.updated++;
      else counts.unchanged++;
      remember(match, byEmail, byPhone);
      ids.push(match.id);
      continue;
    }
    const at = w.now();
    const row: ContactRow = {
      id: uuidv7(),
      first_name: record.firstName,
      last_name: record.lastName,
      email: record.email,
      email_key: record.emailKey,
      phone: record.phone,
      phone_key: record.phoneKey,
      company_id: w.companies.idFor(record.company),
      title: record.title,
      city: record.city,
      region: record.region,
      country: record.country,
      lifecycle: record.lifecycle ?? 'lead',
      source_campaign_id: record.campaignCode
        ? w.campaigns.byCode(record.campaignCode, { channel: record.channel }).id
        : null,
      source_channel: record.channel,
      notes: [record.notes, otherEmailsNote(record)].filter(Boolean).join('\n'),
      tags: record.tags.join(', '),
      owner: record.owner,
      external_id: record.externalId,
      import_job_id: w.jobId,
    };
    insert.run(
      row.id,
      row.first_name,
      row.last_name,
      row.email,
      row.email_key,
      row.phone,
      row.phone_key,
      row.company_id,
      row.title,
      row.city,
      row.region,
      row.country,
      row.lifecycle,
      row.source_campaign_id,
      row.source_channel,
      row.notes,
      row.tags,
      row.owner,
      row.external_id,
      row.import_job_id,
      record.createdAt ?? at,
      at,
    );
    counts.inserted++;
    remember(row, byEmail, byPhone);
    for (const e of record.otherEmails) if (!byEmail.has(e.key)) byEmail.set(e.key, row);
    ids.push(row.id);
  }
  return ids;
}

/** Later rows of the batch see this contact as it is now (a file may list one person twice). */
function remember(row: ContactRow, byEmail: Map<string, ContactRow>, byPhone: Map<string, ContactRow>): void {
  if (row.email_key && !byEmail.has(row.email_key)) byEmail.set(row.email_key, row);
  if (row.phone_key && !byPhone.has(row.phone_key)) byPhone.set(row.phone_key, row);
}
