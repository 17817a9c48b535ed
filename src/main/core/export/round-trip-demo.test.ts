import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportKind, ExportSelection } from '@shared/api/exports';
import { createTestCore, testClock, type TestCore } from '../testing';
import { importInto, rows } from '../import/testing';

/**
 * Every list of the demo workspace, exported and imported into one empty database in the order records
 * point at each other, comes back field by field: relations compared by natural key (a company's name, a
 * campaign's tracking code, a lead's title, a contact's e-mail), formula-like text as typed, a negative
 * amount as a negative amount.
 */

let source: TestCore;
let target: TestCore;
const INJECTED = { formula: '=SUM(A1)', minus: '-5 apples', at: '@x' };
const files = new Map<ExportKind, string>();
const jobs = new Map<ExportKind, Awaited<ReturnType<typeof importInto>>>();

const ORDER: ExportKind[] = [
  'companies',
  'contacts',
  'campaigns',
  'leads',
  'activities',
  'spend',
  'content',
  'orders',
  'payments',
  'metrics',
];

beforeAll(async () => {
  source = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await source.client.call('workspace.setup', { mode: 'demo' });
  const c = source.client;
  const company = await c.call('companies.create', { name: INJECTED.formula, notes: INJECTED.minus });
  const contact = await c.call('contacts.create', {
    firstName: INJECTED.at,
    lastName: 'Able',
    email: 'inject@example.com',
    companyName: company.name,
  });
  const campaign = await c.call('campaigns.create', {
    name: INJECTED.minus,
    channel: 'event',
    objective: 'sales',
    trackingCode: 'inject-fair',
    keyMessage: INJECTED.formula,
  });
  const lead = await c.call('leads.create', {
    title: INJECTED.at,
    contactId: contact.id,
    campaignId: campaign.id,
  });
  await c.call('activities.log', {
    type: 'call',
    subject: INJECTED.formula,
    notes: INJECTED.minus,
    leadId: lead.id,
    contactId: contact.id,
  });
  const spend = await c.call('spend.create', {
    campaignId: campaign.id,
    date: '2026-09-01',
    amountMinor: 100,
    note: INJECTED.at,
  });
  // A credit from an ad platform: the forms take positive amounts only, imports keep what the source says.
  source.core.ctx.sqlite.prepare('UPDATE spend_entries SET amount_minor = -1250 WHERE id = ?').run(spend.id);
  await c.call('content.create', {
    title: INJECTED.minus,
    channel: 'event',
    campaignId: campaign.id,
    scheduledDate: '2026-09-05',
    notes: INJECTED.at,
  });

  target = await createTestCore({ clock: testClock('2026-10-16T12:00:00Z') });
  const { currency } = await c.call('settings.get', {});
  await target.client.call('settings.update', { currency });
  for (const kind of ORDER) {
    const path = join(source.dir, `${kind}.csv`);
    await c.call('exports.csv', {
      selection: { kind } as ExportSelection,
      destination: { to: 'file', path },
    });
    files.set(kind, path);
    jobs.set(kind, await importInto(target, path));
  }
}, 120_000);
afterAll(() => {
  source.dispose();
  target.dispose();
});

const COMPANIES = `SELECT name, domain, phone, website, notes, created_at FROM companies
  WHERE deleted_at IS NULL ORDER BY name, created_at`;

const CONTACTS = `SELECT c.first_name, c.last_name, c.email, c.phone, c.title, c.city, c.region, c.country,
    c.lifecycle, c.tags, c.notes, c.owner, c.source_channel, c.external_id, c.created_at,
    co.name AS company, ca.tracking_code AS campaign
  FROM contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN campaigns ca ON ca.id = c.source_campaign_id
  WHERE c.deleted_at IS NULL ORDER BY c.email, c.phone, c.last_name, c.first_name`;

const CAMPAIGNS = `SELECT name, channel, objective, status, start_date, end_date, budget_minor, target_leads,
    target_revenue_minor, tracking_code, key_message, landing_url, created_at
  FROM campaigns WHERE deleted_at IS NULL ORDER BY tracking_code, name`;

const LEADS = `SELECT l.title, l.value_minor, s.name AS stage, s.outcome, l.created_at, l.closed_at,
    l.expected_close_date, l.lost_reason, l.owner, l.channel, c.email AS contact_email, co.name AS company,
    ca.tracking_code AS campaign
  FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id LEFT JOIN contacts c ON c.id = l.contact_id
  LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN campaigns ca ON ca.id = l.campaign_id
  WHERE l.deleted_at IS NULL ORDER BY l.title, l.created_at, c.email`;

const ACTIVITIES = `SELECT a.type, a.subject, a.notes, a.due_at, a.done_at, a.outcome, a.created_at,
    l.title AS lead, l.created_at AS lead_created, c.email AS contact
  FROM activities a LEFT JOIN leads l ON l.id = a.lead_id LEFT JOIN contacts c ON c.id = a.contact_id
  WHERE a.deleted_at IS NULL ORDER BY a.created_at, a.subject, a.due_at, a.done_at, l.title, c.email`;

const SPEND = `SELECT s.date, ca.tracking_code AS campaign, s.amount_minor, s.note
  FROM spend_entries s JOIN campaigns ca ON ca.id = s.campaign_id
  WHERE s.deleted_at IS NULL ORDER BY s.date, ca.tracking_code, s.amount_minor, s.note`;

const CONTENT = `SELECT ci.title, ci.channel, ca.tracking_code AS campaign, ci.status, ci.scheduled_date, ci.link,
    ci.utm_content, ci.notes, ci.created_at
  FROM content_items ci LEFT JOIN campaigns ca ON ca.id = ci.campaign_id
  WHERE ci.deleted_at IS NULL ORDER BY ci.scheduled_date, ci.title, ci.created_at`;

const ORDERS = `SELECT o.external_id, o.ordered_at, o.status, o.currency, o.subtotal_minor, o.discount_minor,
    o.shipping_minor, o.tax_minor, o.total_minor, o.refunded_minor, o.customer_email, o.customer_name,
    coalesce(ca.tracking_code, o.utm_campaign) AS campaign, o.utm_source, o.utm_medium, o.utm_content,
    o.discount_code,
    (SELECT group_concat(name || '|' || coalesce(sku, '') || '|' || quantity || '|' || unit_price_minor, ';')
       FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY position)) AS lines
  FROM orders o LEFT JOIN campaigns ca ON ca.id = o.campaign_id WHERE o.deleted_at IS NULL ORDER BY o.external_id`;

const PAYMENTS = `SELECT p.external_id, p.paid_at, p.currency, p.amount_minor, p.refunded_minor, p.fee_minor,
    p.status, p.description, p.customer_email, coalesce(ca.tracking_code, p.utm_campaign) AS campaign
  FROM payments p LEFT JOIN campaigns ca ON ca.id = p.campaign_id WHERE p.deleted_at IS NULL ORDER BY p.external_id`;

const METRICS = `SELECT m.date, CASE WHEN m.campaign_id IS NULL THEN m.scope END AS scope,
    ca.tracking_code AS campaign, m.channel, m.metric, m.value
  FROM metric_observations m LEFT JOIN campaigns ca ON ca.id = m.campaign_id
  ORDER BY m.date, ca.tracking_code, m.scope, m.metric`;

const QUERIES: Record<ExportKind, string> = {
  companies: COMPANIES,
  contacts: CONTACTS,
  campaigns: CAMPAIGNS,
  leads: LEADS,
  activities: ACTIVITIES,
  spend: SPEND,
  content: CONTENT,
  orders: ORDERS,
  payments: PAYMENTS,
  metrics: METRICS,
};

describe('CSV round trip of the demo workspace', () => {
  it.each(ORDER)('%s come back field by field', (kind) => {
    const job = jobs.get(kind)!;
    expect(job.status, kind).toBe('done');
    expect(job.preset, kind).toBe(`tandem-${kind === 'leads' ? 'leads' : kind}`);
    expect(job.error_count, kind).toBe(0);
    expect(job.skipped, kind).toBe(0);
    const before = rows(source, QUERIES[kind]);
    expect(before.length, kind).toBeGreaterThan(0);
    expect(rows(target, QUERIES[kind])).toEqual(before);
  });

  it('keeps the exported ids of the kinds found again by id', () => {
    for (const table of ['companies', 'activities', 'spend_entries', 'content_items']) {
      const ids = (t: TestCore) =>
        rows<{ id: string }>(t, `SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`);
      expect(ids(target), table).toEqual(ids(source));
    }
  });

  it('writes formula-like text neutralised and reads it back as typed; a negative amount stays a number', () => {
    const spend = readFileSync(files.get('spend')!, 'utf8');
    expect(spend).toContain(',-12.50,');
    expect(spend).toContain(`,'@x,`);
    expect(readFileSync(files.get('companies')!, 'utf8')).toContain(`,'=SUM(A1),`);
    expect(readFileSync(files.get('content')!, 'utf8')).toContain(`,'-5 apples,`);
    expect(rows(target, "SELECT notes FROM companies WHERE name = '=SUM(A1)'")).toEqual([
      { notes: '-5 apples' },
    ]);
    expect(rows(target, "SELECT key_message FROM campaigns WHERE name = '-5 apples'")).toEqual([
      { key_message: '=SUM(A1)' },
    ]);
    expect(rows(target, 'SELECT amount_minor, note FROM spend_entries WHERE amount_minor < 0')).toEqual([
      { amount_minor: -1250, note: '@x' },
    ]);
    expect(rows(target, "SELECT notes FROM activities WHERE subject = '=SUM(A1)'")).toEqual([
      { notes: '-5 apples' },
    ]);
  });

  it('a second import of each file updates nothing and adds nothing', async () => {
    for (const kind of ['companies', 'campaigns', 'activities', 'spend', 'content'] as const) {
      const job = await importInto(target, files.get(kind)!);
      expect(job.inserted, kind).toBe(0);
      expect(job.updated, kind).toBe(0);
      expect(job.unchanged, kind).toBe(jobs.get(kind)!.inserted + jobs.get(kind)!.updated);
      expect(rows(target, QUERIES[kind]), kind).toEqual(rows(source, QUERIES[kind]));
    }
  });
});
