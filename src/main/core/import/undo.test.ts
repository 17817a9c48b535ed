import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from './job/undo';
import { count, importInto, one, rows, sample } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

/** Every column but updated_at (undo stamps the restored rows). */
const snapshot = (table: string) =>
  rows(t, `SELECT * FROM ${table} ORDER BY id`).map((r) => ({ ...r, updated_at: undefined }));
const undo = (id: string) => undoJob(t.core.ctx.sqlite, id, t.core.ctx.nowIso);

describe('undo', () => {
  it('restores contacts an import merged into and removes the ones it created, search index included', async () => {
    await importInto(t, sample('hubspot-contacts.csv'));
    const contacts = snapshot('contacts');
    const companies = snapshot('companies');
    const searchRefs = count(t, 'search_refs');
    const google = await importInto(t, sample('google-contacts.csv'));
    // Hank Pelletier shares a phone number with HubSpot's Theo Costa: a third new contact, not a merge.
    expect(google).toMatchObject({ inserted: 3, updated: 81 });
    expect(
      (await t.client.call('search.query', { text: 'Suppliers Santos', kinds: ['contact'] })).length +
        count(t, 'contacts'),
    ).toBeGreaterThan(376);

    undo(google.id);
    expect(snapshot('contacts')).toEqual(contacts);
    expect(snapshot('companies')).toEqual(companies);
    expect(count(t, 'search_refs')).toBe(searchRefs);
    expect(count(t, 'import_changes')).toBe(0);
    expect(one(t, 'SELECT status FROM import_jobs WHERE id = ?', google.id).status).toBe('undone');
  });

  it('restores a deal a re-import moved to another stage, and its stage history', async () => {
    await importInto(t, sample('pipedrive-deals.csv'));
    const leads = snapshot('leads');
    const history = count(t, 'lead_stage_history');
    // Deal 1046 (open, Proposal Made) is won in the newer export.
    const text = readFileSync(sample('pipedrive-deals.csv'), 'utf8').replace(
      /^1046,(.*?),Proposal Made,,Open,(.*?),,,,,/m,
      '1046,$1,Proposal Made,,Won,$2,2026-02-10 10:00:00,,2026-02-10 10:00:00,,',
    );
    const newer = await importInto(t, files.write('pipedrive-newer.csv', text));
    expect(newer).toMatchObject({ inserted: 0, updated: 1, error_count: 0 });
    expect(
      one(
        t,
        `SELECT s.name, l.closed_at FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.external_id = 'pipedrive:1046'`,
      ),
    ).toEqual({ name: 'Won', closed_at: '2026-02-10T15:00:00.000Z' });
    expect(count(t, 'lead_stage_history')).toBe(history + 1);

    undo(newer.id);
    expect(snapshot('leads')).toEqual(leads);
    expect(count(t, 'lead_stage_history')).toBe(history);
  });

  it('soft-deletes an imported contact that the user has since linked a lead to, instead of breaking the lead', async () => {
    const job = await importInto(t, sample('hubspot-contacts.csv'));
    const kwame = one<{ id: string }>(
      t,
      `SELECT id FROM contacts WHERE email_key = 'kwamefitzgerald68@gmail.com'`,
    );
    const lead = await t.client.call('leads.create', {
      title: 'Office coffee',
      contactId: kwame.id,
      valueMinor: 50000,
    });
    undo(job.id);
    expect(count(t, 'contacts')).toBe(1);
    expect(one(t, 'SELECT id, deleted_at FROM contacts')).toEqual({
      id: kwame.id,
      deleted_at: '2026-10-15T12:00:00.000Z',
    });
    expect(one(t, 'SELECT contact_id FROM leads WHERE id = ?', lead.id).contact_id).toBe(kwame.id);
    // Campaigns the import created for its codes are gone too; a lead campaign link would have kept one.
    expect(count(t, 'campaigns')).toBe(0);
  });

  it('puts back metric values and spend a re-import replaced', async () => {
    await importInto(t, sample('meta-ads.csv'));
    const observations = snapshot('metric_observations');
    const spend = snapshot('spend_entries');
    const text = readFileSync(sample('meta-ads.csv'), 'utf8').replace(
      '2026-04-06,2026-04-06,fb-retarget,inactive,"7-day click or 1-day view",,,2408,1.76495,,52.76,4250',
      '2026-04-06,2026-04-06,fb-retarget,inactive,"7-day click or 1-day view",,,2408,1.76495,,60.00,4400',
    );
    const newer = await importInto(t, files.write('meta-newer.csv', text));
    expect(newer).toMatchObject({ inserted: 0, updated: 1, unchanged: 99 });
    expect(one(t, `SELECT amount_minor FROM spend_entries WHERE date = '2026-04-06'`).amount_minor).toBe(
      6000,
    );
    undo(newer.id);
    expect(snapshot('metric_observations')).toEqual(observations);
    expect(snapshot('spend_entries')).toEqual(spend);
  });

  it('undoes a whole day of imports back to an empty workspace, in any order', async () => {
    const jobs = [];
    for (const file of [
      'hubspot-contacts.csv',
      'pipedrive-deals.csv',
      'shopify-orders.csv',
      'stripe-payments.csv',
      'ga4-traffic-daily.csv',
      'meta-ads.csv',
    ]) {
      jobs.push(await importInto(t, sample(file)));
    }
    for (const job of [jobs[0], jobs[3], jobs[1], jobs[5], jobs[2], jobs[4]]) if (job) undo(job.id);
    for (const table of [
      'orders',
      'order_lines',
      'payments',
      'leads',
      'lead_stage_history',
      'metric_observations',
      'spend_entries',
    ]) {
      expect({ table, n: count(t, table) }).toEqual({ table, n: 0 });
    }
    // Rows a later import still pointed at when their own import was undone were soft-deleted: none is live.
    for (const table of ['contacts', 'companies', 'campaigns']) {
      expect({ table, n: count(t, table, 'deleted_at IS NULL') }).toEqual({ table, n: 0 });
    }
    expect(count(t, 'search_index')).toBe(0);
    expect(t.core.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
