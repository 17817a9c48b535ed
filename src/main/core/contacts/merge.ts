import type { z } from 'zod';
import type { MergeResult } from '@shared/api/contacts';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { getContact } from './service';
import { writeTransaction } from '../db/transaction';
import type { contacts } from '../db/schema';
import type { Row } from '../db/typed';

type Person = Row<
  typeof contacts,
  | 'email'
  | 'emailKey'
  | 'phone'
  | 'phoneKey'
  | 'companyId'
  | 'title'
  | 'city'
  | 'region'
  | 'country'
  | 'notes'
  | 'sourceCampaignId'
  | 'sourceChannel'
>;

const PERSON = `email, email_key AS emailKey, phone, phone_key AS phoneKey, company_id AS companyId, title, city, region,
  country, notes, source_campaign_id AS sourceCampaignId, source_channel AS sourceChannel`;

/**
 * Merges `mergeId` into `keepId`: leads, activities, orders and payments move to the kept contact (cadence
 * enrolments follow their leads), blank fields of the kept contact are filled from the merged one, and the
 * merged contact is soft-deleted with `merged_into_id` pointing at the kept one. All or nothing.
 */
export function mergeContacts(ctx: Ctx, keepId: string, mergeId: string): z.infer<typeof MergeResult> {
  if (keepId === mergeId) {
    fail('validation', 'Choose two different contacts to merge.', [
      { field: 'mergeId', message: 'choose another contact' },
    ]);
  }
  getContact(ctx, keepId);
  getContact(ctx, mergeId);
  const moved = writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    const keep = get<Person>(ctx.sqlite, `SELECT ${PERSON} FROM contacts WHERE id = ?`, keepId);
    const other = get<Person>(ctx.sqlite, `SELECT ${PERSON} FROM contacts WHERE id = ?`, mergeId);
    if (!keep || !other) throw new Error('merge: contact vanished inside the transaction');
    const fill = <K extends keyof Person>(key: K): Person[K] => (keep[key] || other[key]) as Person[K];
    const notes = [keep.notes, other.notes].filter((n) => n.trim()).join('\n\n');
    run(
      ctx.sqlite,
      `UPDATE contacts SET email = ?, email_key = ?, phone = ?, phone_key = ?, company_id = ?, title = ?, city = ?,
         region = ?, country = ?, notes = ?, source_campaign_id = ?, source_channel = ?, updated_at = ? WHERE id = ?`,
      keep.email ? keep.email : other.email,
      keep.email ? keep.emailKey : other.emailKey,
      keep.phone ? keep.phone : other.phone,
      keep.phone ? keep.phoneKey : other.phoneKey,
      fill('companyId'),
      fill('title'),
      fill('city'),
      fill('region'),
      fill('country'),
      notes,
      fill('sourceCampaignId'),
      fill('sourceChannel'),
      now,
      keepId,
    );
    const move = (table: string) =>
      run(
        ctx.sqlite,
        `UPDATE ${table} SET contact_id = ?, updated_at = ? WHERE contact_id = ?`,
        keepId,
        now,
        mergeId,
      ).changes;
    const counts = {
      leads: move('leads'),
      activities: move('activities'),
      orders: move('orders'),
      payments: move('payments'),
    };
    run(
      ctx.sqlite,
      'UPDATE contacts SET deleted_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?',
      now,
      keepId,
      now,
      mergeId,
    );
    return counts;
  });
  return { contact: getContact(ctx, keepId), moved };
}
