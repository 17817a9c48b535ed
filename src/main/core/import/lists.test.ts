import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from './job/undo';
import { count, importInto, rows } from './testing';

/** Spreadsheets of companies, campaigns, spend, content and activities, mapped by their column names. */

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const snapshot = (table: string) =>
  rows(t, `SELECT * FROM ${table} ORDER BY id`).map((r) => ({ ...r, updated_at: undefined }));

describe('imports of companies, campaigns, spend, content and activities', () => {
  it('matches companies by name, fills what the file has, and undo puts the old values back', async () => {
    await t.client.call('companies.create', { name: 'Acme Roasting, Inc.', notes: 'met at the fair' });
    const before = snapshot('companies');
    const file = files.write(
      'companies.csv',
      'Company name,Website,Notes\nacme roasting,https://acme.example,\nBean There,,=roasts(2)\n',
    );
    const job = await importInto(t, file, { kind: 'companies' });
    expect(job).toMatchObject({ status: 'done', inserted: 1, updated: 1, error_count: 0 });
    expect(rows(t, 'SELECT name, website, notes FROM companies ORDER BY lower(name)')).toEqual([
      // An empty cell never clears a field; a generic file keeps its text as written.
      { name: 'Acme Roasting, Inc.', website: 'https://acme.example', notes: 'met at the fair' },
      { name: 'Bean There', website: null, notes: '=roasts(2)' },
    ]);
    const again = await importInto(t, file, { kind: 'companies' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    undoJob(t.core.ctx.sqlite, job.id, t.core.ctx.nowIso);
    expect(snapshot('companies')).toEqual(before);
  });

  it('books spend on campaigns by code or name; one entry per day and campaign, a credit stays negative', async () => {
    const campaign = await t.client.call('campaigns.create', {
      name: 'Harvest fair',
      channel: 'event',
      objective: 'sales',
      trackingCode: 'harvest-fair',
    });
    const file = files.write(
      'spend.csv',
      [
        'Date,Campaign code,Campaign name,Amount,Note',
        '2026-09-01,harvest-fair,,120.00,stall',
        '2026-09-01,harvest-fair,,30.00,stall',
        '2026-09-02,,Harvest fair,-12.50,refund',
        '2026-09-03,,Autumn ads,40.00,',
        '2026-09-04,,,5.00,',
      ].join('\n'),
    );
    const job = await importInto(t, file, { kind: 'spend' });
    expect(job).toMatchObject({ inserted: 3, updated: 0, error_count: 1 });
    expect(
      rows(
        t,
        'SELECT c.name, s.date, s.amount_minor, s.note FROM spend_entries s JOIN campaigns c ON c.id = s.campaign_id ORDER BY s.date',
      ),
    ).toEqual([
      { name: 'Harvest fair', date: '2026-09-01', amount_minor: 15000, note: 'stall' },
      { name: 'Harvest fair', date: '2026-09-02', amount_minor: -1250, note: 'refund' },
      { name: 'Autumn ads', date: '2026-09-03', amount_minor: 4000, note: 'Imported' },
    ]);
    expect(campaign.trackingCode).toBe('harvest-fair');
    // The same file again replaces the day's amounts instead of adding to them.
    const again = await importInto(t, file, { kind: 'spend' });
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
    expect(count(t, 'spend_entries')).toBe(3);
  });

  it('imports campaigns by tracking code and content items, and undo removes them with their job', async () => {
    const campaigns = files.write(
      'campaigns.csv',
      'Name,Channel,Objective,Status,Start date,End date,Budget,Tracking code\nWinter blend,email,sales,planned,2026-12-01,2026-12-31,500.00,winter-blend\nBad,carrier pigeon,,,,,,\n',
    );
    const c = await importInto(t, campaigns, { kind: 'campaigns' });
    expect(c).toMatchObject({ inserted: 1, error_count: 1 });
    const content = files.write(
      'content.csv',
      'Title,Campaign code,Status,Scheduled date,UTM content\nLaunch mail,winter-blend,scheduled,2026-12-02,launch-mail\nIdea: tasting video,,,,\n',
    );
    const job = await importInto(t, content, { kind: 'content' });
    expect(job).toMatchObject({ inserted: 2, error_count: 0 });
    expect(
      rows(
        t,
        'SELECT ci.title, ci.channel, ci.status, ca.tracking_code AS code FROM content_items ci LEFT JOIN campaigns ca ON ca.id = ci.campaign_id ORDER BY ci.title',
      ),
    ).toEqual([
      { title: 'Idea: tasting video', channel: 'other', status: 'idea', code: null },
      { title: 'Launch mail', channel: 'email', status: 'scheduled', code: 'winter-blend' },
    ]);
    expect((await importInto(t, content, { kind: 'content' })).inserted).toBe(0);
    undoJob(t.core.ctx.sqlite, job.id, t.core.ctx.nowIso);
    expect(count(t, 'content_items')).toBe(0);
    expect(count(t, 'campaigns')).toBe(1);
  });

  it('links activities to their contact by e-mail and does not repeat them on a re-import', async () => {
    const contact = await t.client.call('contacts.create', { firstName: 'Ann', email: 'ann@example.com' });
    const file = files.write(
      'activities.csv',
      'Type,Subject,Due,Done,Contact email\nCall,Ask about the order,2026-10-20 10:00,,ANN@example.com\nfax,Old habit,,,\n',
    );
    const job = await importInto(t, file, { kind: 'activities' });
    expect(job).toMatchObject({ inserted: 1, error_count: 1 });
    expect(rows(t, 'SELECT type, subject, contact_id, done_at FROM activities')).toEqual([
      { type: 'call', subject: 'Ask about the order', contact_id: contact.id, done_at: null },
    ]);
    expect(await importInto(t, file, { kind: 'activities' })).toMatchObject({ inserted: 0, unchanged: 1 });
  });
});
