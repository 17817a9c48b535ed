import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportSelection } from '@shared/api/exports';
import { createTestCore, testClock, type TestCore } from '../testing';
import { importInto, rows, sample } from '../import/testing';

/**
 * Export → import into an empty database → the same records, field by field, for every kind Tandem's import
 * reads. The source database holds the samples of real exports plus records whose text looks like formulas.
 */

let source: TestCore;
const INJECTED = {
  firstName: '=HYPERLINK("http://evil.example","click")',
  lastName: '-5 text',
  title: '+1 boss',
  city: "'=already quoted",
  notes: '@SUM(A1)\nand a second line, with "quotes"',
};

beforeAll(async () => {
  source = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  for (const file of [
    'hubspot-contacts.csv',
    'pipedrive-deals.csv',
    'shopify-orders.csv',
    'stripe-payments.csv',
    'ga4-traffic-daily.csv',
    'ga4-pages-daily.csv',
    'mailchimp-campaigns.csv',
  ]) {
    const job = await importInto(source, sample(file));
    expect(job.status, file).toBe('done');
  }
  const contact = await source.client.call('contacts.create', {
    ...INJECTED,
    email: 'inject@example.com',
    phone: '+1 207 555 0100',
    companyName: '=Evil Corp',
  });
  await source.client.call('leads.create', {
    title: '=1+1 deal',
    contactId: contact.id,
    valueMinor: 250000,
  });
});
afterAll(() => source.dispose());

async function roundTrip(kind: 'contacts' | 'leads' | 'orders' | 'payments' | 'metrics') {
  const path = join(source.dir, `${kind}.csv`);
  const selection = { kind } as ExportSelection;
  const result = await source.client.call('exports.csv', {
    selection,
    destination: { to: 'file', path },
  });
  const target = await createTestCore({ clock: testClock('2026-10-16T12:00:00Z') });
  const job = await importInto(target, path);
  // Every row imports: none is an error, none is left out.
  expect(job.error_count, kind).toBe(0);
  expect(job.skipped, kind).toBe(0);
  return { result, target, job, text: readFileSync(path, 'utf8') };
}

const CONTACTS = `SELECT c.first_name, c.last_name, c.email, c.phone, c.title, c.city, c.region, c.country,
    c.lifecycle, c.tags, c.notes, c.owner, c.source_channel, c.external_id, c.created_at,
    co.name AS company, ca.tracking_code AS campaign
  FROM contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN campaigns ca ON ca.id = c.source_campaign_id
  WHERE c.deleted_at IS NULL ORDER BY c.email, c.phone, c.last_name`;

const LEADS = `SELECT l.title, l.value_minor, s.name AS stage, s.outcome, l.created_at, l.closed_at,
    l.expected_close_date, l.lost_reason, l.owner, l.channel, c.email AS contact_email, co.name AS company,
    ca.tracking_code AS campaign
  FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id LEFT JOIN contacts c ON c.id = l.contact_id
  LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN campaigns ca ON ca.id = l.campaign_id
  WHERE l.deleted_at IS NULL ORDER BY l.title, l.created_at`;

const ORDERS = `SELECT o.external_id, o.ordered_at, o.status, o.currency, o.subtotal_minor, o.discount_minor,
    o.shipping_minor, o.tax_minor, o.total_minor, o.refunded_minor, o.customer_email, o.customer_name,
    coalesce(ca.tracking_code, o.utm_campaign) AS campaign, o.utm_source, o.utm_medium, o.utm_content,
    o.discount_code,
    (SELECT group_concat(name || '|' || coalesce(sku, '') || '|' || quantity || '|' || unit_price_minor, ';')
       FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY position)) AS lines
  FROM orders o LEFT JOIN campaigns ca ON ca.id = o.campaign_id ORDER BY o.external_id`;

const PAYMENTS = `SELECT p.external_id, p.paid_at, p.currency, p.amount_minor, p.refunded_minor, p.fee_minor,
    p.status, p.description, p.customer_email, coalesce(ca.tracking_code, p.utm_campaign) AS campaign
  FROM payments p LEFT JOIN campaigns ca ON ca.id = p.campaign_id ORDER BY p.external_id`;

// Campaign observations are scoped by the campaign's id, which differs between databases: compared by code.
const METRICS = `SELECT m.date, CASE WHEN m.campaign_id IS NULL THEN m.scope END AS scope,
    ca.tracking_code AS campaign, m.channel, m.metric, m.value
  FROM metric_observations m LEFT JOIN campaigns ca ON ca.id = m.campaign_id
  ORDER BY m.date, m.scope, ca.tracking_code, m.metric`;

describe('CSV round trip', () => {
  it('contacts come back field by field, formula-like text as the original text', async () => {
    const { result, target, job, text } = await roundTrip('contacts');
    try {
      expect(job.preset).toBe('tandem-contacts');
      expect(job.status).toBe('done');
      const before = rows(source, CONTACTS);
      expect(result.rows).toBe(before.length);
      expect(rows(target, CONTACTS)).toEqual(before);
      // The file held the neutralised cells, the database the text as typed.
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(text).toContain(`,'-5 text,`);
      expect(text).toContain(`,''=already quoted,`);
      const back = rows<Record<string, string>>(
        target,
        "SELECT first_name, last_name, title, city, notes FROM contacts WHERE email = 'inject@example.com'",
      );
      expect(back).toEqual([
        {
          first_name: INJECTED.firstName,
          last_name: INJECTED.lastName,
          title: INJECTED.title,
          city: INJECTED.city,
          notes: INJECTED.notes,
        },
      ]);
    } finally {
      target.dispose();
    }
  });

  it('leads come back with stage, outcome, value, dates, contact, company and campaign', async () => {
    const { result, target, job } = await roundTrip('leads');
    try {
      expect(job.preset).toBe('tandem-leads');
      expect(job.status).toBe('done');
      const before = rows(source, LEADS);
      expect(result.rows).toBe(before.length);
      expect(rows(target, LEADS)).toEqual(before);
      expect(rows(target, "SELECT title FROM leads WHERE title LIKE '=%'")).toEqual([{ title: '=1+1 deal' }]);
    } finally {
      target.dispose();
    }
  });

  it('orders come back with their amounts, tags and line items', async () => {
    const { result, target, job, text } = await roundTrip('orders');
    try {
      expect(job.preset).toBe('tandem-orders');
      expect(job.status).toBe('done');
      const before = rows(source, ORDERS);
      expect(before.length).toBeGreaterThan(0);
      expect(result.rows).toBeGreaterThanOrEqual(before.length);
      expect(rows(target, ORDERS)).toEqual(before);
      // Amounts are plain decimals in major units, instants ISO with their offset.
      expect(text).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z,/);
      expect(text).toMatch(/,\d+\.\d\d,/);
    } finally {
      target.dispose();
    }
  });

  it('payments come back with amounts, refunds, fees and statuses', async () => {
    const { result, target, job } = await roundTrip('payments');
    try {
      expect(job.preset).toBe('tandem-payments');
      expect(job.status).toBe('done');
      const before = rows(source, PAYMENTS);
      expect(result.rows).toBe(before.length);
      expect(rows(target, PAYMENTS)).toEqual(before);
    } finally {
      target.dispose();
    }
  });

  it('metrics come back per day and scope, page numbers included', async () => {
    const { target, job } = await roundTrip('metrics');
    try {
      expect(job.preset).toBe('tandem-metrics');
      expect(job.status).toBe('done');
      const before = rows(source, METRICS);
      expect(before.some((r) => r.metric === 'page_views')).toBe(true);
      expect(rows(target, METRICS)).toEqual(before);
    } finally {
      target.dispose();
    }
  });
});
