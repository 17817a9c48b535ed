import { uuidv7 } from '../db/ids';
import type { LeadCreate } from '@shared/api/leads';
import type { TestCore } from '../testing';

/**
 * Test data builders for the sales tests. Campaigns and content items are written directly: the sales core
 * only reads them, and the tests should not depend on the marketing API's forms.
 */
export function insertCampaign(
  t: TestCore,
  values: {
    name: string;
    channel?: string;
    status?: string;
    startDate?: string | null;
    keyMessage?: string;
    deleted?: boolean;
  },
): string {
  const id = uuidv7();
  const now = t.core.ctx.nowIso();
  t.core.connection.sqlite
    .prepare(
      `INSERT INTO campaigns (id, name, channel, objective, status, start_date, key_message, deleted_at, created_at, updated_at)
       VALUES (?, ?, ?, 'leads', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      values.name,
      values.channel ?? 'email',
      values.status ?? 'active',
      values.startDate ?? null,
      values.keyMessage ?? '',
      values.deleted ? now : null,
      now,
      now,
    );
  return id;
}

export function insertContent(
  t: TestCore,
  values: {
    title: string;
    scheduledDate: string | null;
    status?: string;
    campaignId?: string | null;
    channel?: string;
  },
): string {
  const id = uuidv7();
  const now = t.core.ctx.nowIso();
  t.core.connection.sqlite
    .prepare(
      `INSERT INTO content_items (id, campaign_id, channel, title, scheduled_date, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      values.campaignId ?? null,
      values.channel ?? 'social',
      values.title,
      values.scheduledDate,
      values.status ?? 'scheduled',
      now,
      now,
    );
  return id;
}

export async function stageIds(t: TestCore): Promise<Record<string, string>> {
  const stages = await t.client.call('leads.stages', {});
  return Object.fromEntries(stages.map((s) => [s.name, s.id]));
}

let counter = 0;

/** A lead with its own new contact unless a contact is given. */
export async function makeLead(t: TestCore, overrides: Partial<LeadCreate> = {}) {
  counter += 1;
  const base: LeadCreate = overrides.contactId
    ? { title: `Lead ${counter}` }
    : { title: `Lead ${counter}`, newContact: { firstName: 'Test', lastName: `Person${counter}` } };
  return t.client.call('leads.create', { ...base, ...overrides });
}

export function rows<T>(t: TestCore, sql: string, ...params: unknown[]): T[] {
  return t.core.connection.sqlite.prepare(sql).all(...params) as T[];
}
