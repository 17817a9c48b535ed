import { uuidv7 } from '../../db/ids';
import { prepared } from '../../db/prepared';
import type { ContactRecord } from '../records';
import { mergeContact, type ContactRow } from './merge';
import { phoneJoin } from './same-person';
import type { Counts, WriteContext } from './context';
import type { KeyColumn } from './key-map';

const COLUMNS = `id, first_name, last_name, email, email_key, phone, phone_key, company_id, title, city, region, country,
  lifecycle, source_campaign_id, source_channel, notes, tags, owner, external_id, import_job_id`;

const INSERT = `INSERT INTO contacts (id, first_name, last_name, email, email_key, phone, phone_key, company_id, title,
  city, region, country, lifecycle, source_campaign_id, source_channel, notes, tags, owner, external_id, import_job_id,
  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A contact as found, with its rowid and the source system its record id came from (null when unknown). */
type FoundContact = ContactRow & { row_id: number; id_source: string | null };

const FOUND = `SELECT ${COLUMNS}, rowid AS row_id,
  (SELECT json_extract(j.options, '$.source') FROM import_jobs j WHERE j.id = contacts.import_job_id) AS id_source
  FROM contacts`;

/**
 * Live contacts having one of these keys, oldest first: one lookup per batch, not per row. With the job's key
 * map (a large import, whose key indexes are built at its end) the map names the rows and this reads them by
 * rowid, keeping those that really have the key.
 */
function findBy(w: WriteContext, column: KeyColumn, keys: string[]): FoundContact[] {
  if (keys.length === 0) return [];
  if (!w.contactKeys)
    return prepared(
      w.sqlite,
      `${FOUND} WHERE ${column} IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY rowid`,
    ).all(JSON.stringify(keys)) as FoundContact[];
  const rowids = w.contactKeys.candidates(column, keys);
  if (rowids.length === 0) return [];
  const wanted = new Set(keys);
  const rows = prepared(
    w.sqlite,
    `${FOUND} WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY rowid`,
  ).all(JSON.stringify(rowids)) as FoundContact[];
  return rows.filter((row) => row[column] !== null && wanted.has(row[column]));
}

function addCandidate(map: Map<string, FoundContact[]>, key: string, row: FoundContact): void {
  const list = map.get(key);
  if (!list) map.set(key, [row]);
  else if (!list.includes(row)) list.push(row);
}

const side = (c: FoundContact) => ({
  firstName: c.first_name,
  lastName: c.last_name,
  externalId: c.external_id,
  idSource: c.id_source,
});

/**
 * The contact a row without an e-mail match joins by phone: the first with that number that has no other
 * e-mail address and whose name and source record id do not say it is someone else (write/same-person.ts).
 */
function phoneMatch(
  record: ContactRecord,
  candidates: readonly FoundContact[] | undefined,
  w: WriteContext,
): FoundContact | undefined {
  for (const candidate of candidates ?? []) {
    if (record.emailKey && candidate.email_key) continue;
    const join = phoneJoin(
      {
        firstName: record.firstName,
        lastName: record.lastName,
        externalId: record.externalId,
        idSource: w.source,
      },
      side(candidate),
      w.source,
    );
    if (join === 'different') continue;
    if (join === 'unnamed') {
      const name = `${candidate.first_name} ${candidate.last_name}`.trim();
      w.notes.push({
        line: record.line,
        field: 'phone',
        message: name
          ? `no name in this row: joined to ${name} by the same phone number`
          : 'joined by the same phone number to a contact that had no name',
      });
    }
    return candidate;
  }
  return undefined;
}

function otherEmailsNote(record: ContactRecord): string {
  return record.otherEmails.map((e) => `Other e-mail: ${e.email}`).join('\n');
}

/**
 * Writes contacts, deduplicated by normalised e-mail (any address of the row), then phone: a row matching a
 * contact fills that contact's empty fields instead of creating another. Phone matches never join two
 * different e-mail addresses, two different names or two record ids of one source (a shared office line is
 * not one person); those stay two contacts, listed as duplicates by phone. Returns each record's contact id.
 */
export function writeContacts(
  records: readonly ContactRecord[],
  w: WriteContext,
  counts: Counts = w.counts,
): string[] {
  w.contactKeys?.catchUp(w.sqlite);
  const emailKeys = new Set<string>();
  for (const r of records) {
    if (r.emailKey) emailKeys.add(r.emailKey);
    for (const e of r.otherEmails) emailKeys.add(e.key);
  }
  const byEmail = new Map<string, FoundContact>();
  for (const row of findBy(w, 'email_key', [...emailKeys]))
    if (row.email_key && !byEmail.has(row.email_key)) byEmail.set(row.email_key, row);
  const phoneKeys = new Set<string>();
  for (const r of records) {
    if (!r.phoneKey) continue;
    const matched = (r.emailKey && byEmail.has(r.emailKey)) || r.otherEmails.some((e) => byEmail.has(e.key));
    if (!matched) phoneKeys.add(r.phoneKey);
  }
  const byPhone = new Map<string, FoundContact[]>();
  for (const row of findBy(w, 'phone_key', [...phoneKeys]))
    if (row.phone_key) addCandidate(byPhone, row.phone_key, row);
  const insert = prepared(w.sqlite, INSERT);
  const ids: string[] = [];

  for (const record of records) {
    let match: FoundContact | undefined;
    for (const key of [record.emailKey, ...record.otherEmails.map((e) => e.key)]) {
      if (key && (match = byEmail.get(key))) break;
    }
    if (!match && record.phoneKey) match = phoneMatch(record, byPhone.get(record.phoneKey), w);
    if (match) {
      const keys = [match.email_key, match.phone_key];
      const changed = mergeContact(match, record, w);
      if (changed && (match.email_key !== keys[0] || match.phone_key !== keys[1]))
        w.contactKeys?.add(
          match.row_id,
          match.email_key !== keys[0] ? match.email_key : null,
          match.phone_key !== keys[1] ? match.phone_key : null,
        );
      if (changed) counts.updated++;
      else counts.unchanged++;
      remember(match, byEmail, byPhone);
      ids.push(match.id);
      continue;
    }
    const at = w.now();
    const row: FoundContact = {
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
      row_id: 0,
      id_source: w.source,
    };
    const inserted = insert.run(
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
    row.row_id = Number(inserted.lastInsertRowid);
    w.contactKeys?.add(row.row_id, row.email_key, row.phone_key);
    counts.inserted++;
    remember(row, byEmail, byPhone);
    for (const e of record.otherEmails) if (!byEmail.has(e.key)) byEmail.set(e.key, row);
    ids.push(row.id);
  }
  return ids;
}

/** Later rows of the batch see this contact as it is now (a file may list one person twice). */
function remember(
  row: FoundContact,
  byEmail: Map<string, FoundContact>,
  byPhone: Map<string, FoundContact[]>,
): void {
  if (row.email_key && !byEmail.has(row.email_key)) byEmail.set(row.email_key, row);
  if (row.phone_key) addCandidate(byPhone, row.phone_key, row);
}
