import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { detectPreset } from './presets';
import { openTable } from './read';
import { count, importInto, one, rows, sample } from './testing';

const written = makeTempDir();
afterAll(() => written.remove());

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const campaignId = (code: string) =>
  one<{ id: string }>(t, 'SELECT id FROM campaigns WHERE tracking_code = ?', code).id;

describe('presets', () => {
  it.each([
    ['hubspot-contacts.csv', 'hubspot-contacts'],
    ['google-contacts.csv', 'google-contacts'],
    ['pipedrive-deals.csv', 'pipedrive-deals'],
    ['shopify-orders.csv', 'shopify-orders'],
    ['stripe-payments.csv', 'stripe-payments'],
    ['ga4-traffic-daily.csv', 'ga4-traffic'],
    ['ga4-pages-daily.csv', 'ga4-pages'],
    ['mailchimp-campaigns.csv', 'mailchimp-campaigns'],
    ['meta-ads.csv', 'meta-ads'],
    ['linkedin-page-analytics.xlsx', 'linkedin-page-metrics'],
  ])('recognises %s from its header', async (file, preset) => {
    const table = await openTable(sample(file));
    expect(detectPreset(table.columns)?.name).toBe(preset);
  });

  it('HubSpot: contacts with lifecycle, company, owner, created time in the account zone, and source campaign', async () => {
    const job = await importInto(t, sample('hubspot-contacts.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 376, inserted: 376, error_count: 0 });
    const kwame = one(t, `SELECT * FROM contacts WHERE email_key = 'kwamefitzgerald68@gmail.com'`);
    // "2026-09-30 19:11" in Maine summer time is 23:11 UTC.
    expect(kwame).toMatchObject({
      first_name: 'Kwame',
      phone: '(617) 555-0195',
      phone_key: '+16175550195',
      created_at: '2026-09-30T23:11:00.000Z',
      owner: 'Maya Lindqvist',
      city: 'Boston',
    });
    expect(
      rows(t, 'SELECT lifecycle, count(*) AS n FROM contacts GROUP BY lifecycle ORDER BY lifecycle'),
    ).toEqual([
      { lifecycle: 'customer', n: 233 },
      { lifecycle: 'lead', n: 113 },
      { lifecycle: 'subscriber', n: 30 },
    ]);
    const evelyn = one<{ name: string }>(
      t,
      `SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.email_key = 'evelyn@brickmilldiner.com'`,
    );
    expect(evelyn.name).toBe('Brick Mill Diner');
    // Paid social keeps the campaign in drill-down 2 (drill-down 1 is the network).
    expect(
      count(t, 'contacts', `source_campaign_id = '${campaignId('fb-retarget')}' AND source_channel = 'ads'`),
    ).toBe(44);
    expect(count(t, 'contacts', `source_campaign_id = '${campaignId('spring-newsletter')}'`)).toBe(40);
    expect(
      rows(t, `SELECT tracking_code AS code, channel, status FROM campaigns ORDER BY tracking_code`),
    ).toEqual([
      { code: 'coffeefest-2026', channel: 'event', status: 'draft' },
      { code: 'fb-retarget', channel: 'ads', status: 'draft' },
      { code: 'google-search', channel: 'ads', status: 'draft' },
      { code: 'insta-launch', channel: 'social', status: 'draft' },
      { code: 'linkedin-wholesale', channel: 'social', status: 'draft' },
      { code: 'referral-program', channel: 'other', status: 'draft' },
      { code: 'spring-newsletter', channel: 'email', status: 'draft' },
    ]);
    // Imported contacts are searchable once the job is done.
    const hits = await t.client.call('search.query', { text: 'Fitzgerald', kinds: ['contact'] });
    expect(hits.map((h) => h.id)).toContain(kwame.id);
    expect(count(t, 'search_refs', `kind = 'contact'`)).toBe(376);
  });

  it('Google Contacts: primary and second e-mail, labels as tags, suppliers, a contact with only a phone', async () => {
    const job = await importInto(t, sample('google-contacts.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 90, inserted: 90, error_count: 0 });
    const ezra = one(t, `SELECT * FROM contacts WHERE email_key = 'ezra@pineneedlebistro.com'`);
    expect(ezra).toMatchObject({ title: 'Chef-Owner', tags: 'Wholesale', city: 'Kennebunk', region: 'ME' });
    expect(ezra.notes).toContain('Other e-mail: ezraroberts58@gmail.com');
    expect(count(t, 'contacts', `lifecycle = 'supplier'`)).toBeGreaterThan(0);
    expect(count(t, 'contacts', `email IS NULL AND phone_key = '+12075550119'`)).toBe(1);
    expect(count(t, 'contacts', `tags LIKE '%myContacts%'`)).toBe(0);
  });

  it('Pipedrive: deals become leads with our stages, won/lost outcomes, closed_at, history and campaign', async () => {
    const job = await importInto(t, sample('pipedrive-deals.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 65, inserted: 65, error_count: 0 });
    expect(
      rows(
        t,
        `SELECT s.name, count(*) AS n, sum(l.closed_at IS NOT NULL) AS closed FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id GROUP BY s.name ORDER BY s.position`,
      ),
    ).toEqual([
      { name: 'New', n: 7, closed: 0 },
      { name: 'Contacted', n: 4, closed: 0 },
      { name: 'Qualified', n: 2, closed: 0 },
      { name: 'Proposal', n: 6, closed: 0 },
      { name: 'Won', n: 28, closed: 28 },
      { name: 'Lost', n: 18, closed: 18 },
    ]);
    const won = one(t, `SELECT * FROM leads WHERE external_id = 'pipedrive:1044'`);
    expect(won).toMatchObject({
      value_minor: 360000,
      closed_at: '2026-01-23T00:28:34.000Z',
      created_at: '2026-01-05T21:16:48.000Z',
      channel: 'web',
    });
    const lost = one(t, `SELECT * FROM leads WHERE external_id = 'pipedrive:1053'`);
    expect(lost).toMatchObject({
      lost_reason: 'No response',
      campaign_id: campaignId('google-search'),
      channel: 'ads',
    });
    // The lost deal went through "Tasting Scheduled" (our Qualified) before it was lost.
    expect(
      rows(
        t,
        `SELECT s.name FROM lead_stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id WHERE h.lead_id = ? ORDER BY h.changed_at`,
        lost.id,
      ),
    ).toEqual([{ name: 'Qualified' }, { name: 'Lost' }]);
    expect(count(t, 'leads', `campaign_id = '${campaignId('linkedin-wholesale')}'`)).toBe(28);
    // People are matched or created by e-mail; two addresses in one cell are one person.
    const levi = one(
      t,
      `SELECT c.email, c.notes, co.name AS company FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.email_key = 'levi.gonzalez@brickmillprovisions.com'`,
    );
    expect(levi).toMatchObject({
      company: 'Brick Mill Provisions',
      notes: 'Other e-mail: levi.gonzalez@gmail.com',
    });
    expect(count(t, 'contacts', `email_key = 'levi.gonzalez@gmail.com'`)).toBe(0);
  });

  it('Shopify: line-item rows folded into orders, UTC instants, refunds, statuses kept, UTM campaign', async () => {
    const job = await importInto(t, sample('shopify-orders.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 541, inserted: 337, error_count: 0 });
    expect(count(t, 'order_lines')).toBe(541);
    const o1336 = one(t, `SELECT * FROM orders WHERE external_id = '#1336'`);
    expect(o1336).toMatchObject({
      source: 'shopify',
      total_minor: 19128,
      tax_minor: 528,
      status: 'pending',
      ordered_at: '2026-09-24T22:55:30.000Z',
      currency: 'USD',
    });
    expect(
      rows(
        t,
        'SELECT position, quantity, unit_price_minor AS price FROM order_lines WHERE order_id = ? ORDER BY position',
        o1336.id,
      ),
    ).toHaveLength(4);
    // Winter offset -0500.
    expect(one(t, `SELECT ordered_at FROM orders WHERE external_id = '#1001'`).ordered_at).toBe(
      '2026-01-04T20:41:28.000Z',
    );
    expect(
      one(t, `SELECT total_minor, refunded_minor, status FROM orders WHERE external_id = '#1334'`),
    ).toEqual({ total_minor: 2295, refunded_minor: 1600, status: 'partially_refunded' });
    expect(count(t, 'orders', `status = 'refunded' AND refunded_minor <> total_minor`)).toBe(0);
    expect(count(t, 'orders', `status = 'voided'`)).toBe(6);
    expect(
      one(t, `SELECT utm_campaign, utm_medium, campaign_id FROM orders WHERE external_id = '#1301'`),
    ).toEqual({ utm_campaign: 'google-search', utm_medium: 'cpc', campaign_id: campaignId('google-search') });
    // Revenue counts paid and partially refunded orders net of refunds only.
    const { totals } = await t.client.call('campaigns.results', { from: '2026-01-01', to: '2026-09-30' });
    expect(totals.revenue.ordersMinor).toBe(2017803);
    expect(
      one<{ net: number }>(
        t,
        `SELECT sum(total_minor - refunded_minor) AS net FROM orders WHERE status IN ('paid', 'partially_refunded')`,
      ).net,
    ).toBe(2017803);
  });

  it('Shopify orders are matched to existing contacts by e-mail', async () => {
    await importInto(t, sample('hubspot-contacts.csv'));
    await importInto(t, sample('shopify-orders.csv'));
    expect(count(t, 'orders', 'contact_id IS NOT NULL')).toBeGreaterThan(250);
    expect(count(t, 'contacts')).toBe(376);
  });

  it('Stripe: minor units, upper-case currency, refunds and failures, the incomplete attempt left out with a note', async () => {
    const job = await importInto(t, sample('stripe-payments.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 215, inserted: 214, skipped: 1, error_count: 0 });
    expect(one(t, `SELECT * FROM payments WHERE external_id = 'ch_3S3nnrLPSryuY5eAiW4s8WzS'`)).toMatchObject({
      amount_minor: 3600,
      currency: 'USD',
      paid_at: '2026-09-30T21:51:26.000Z',
      status: 'succeeded',
      fee_minor: 134,
    });
    expect(
      one(t, `SELECT refunded_minor, status FROM payments WHERE external_id = 'ch_3SErHRVCwpm9WLouP7svWh5Z'`),
    ).toEqual({ refunded_minor: 40000, status: 'partially_refunded' });
    expect(rows(t, 'SELECT status, count(*) AS n FROM payments GROUP BY status ORDER BY status')).toEqual([
      { status: 'failed', n: 10 },
      { status: 'partially_refunded', n: 3 },
      { status: 'refunded', n: 4 },
      { status: 'succeeded', n: 197 },
    ]);
    expect(rows(t, 'SELECT severity, message FROM import_row_errors WHERE job_id = ?', job.id)).toEqual([
      { severity: 'note', message: expect.stringContaining('requires_payment_method') },
    ]);
  });

  it("Stripe: a charge in another currency counts as the account's money, with the Fee in that currency", async () => {
    const header =
      'id,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Converted Currency,Description,Fee,Status';
    const path = written.write(
      'stripe-eur.csv',
      `${header}\n` +
        'ch_eur,2026-09-30 21:51:26,100.00,10.00,eur,108.50,10.85,usd,Beans,3.45,Paid\n' +
        'ch_jpy,2026-09-30 22:00:00,5000,0,jpy,33.40,0.00,usd,,1.27,Paid\n' +
        'ch_usd,2026-09-30 23:00:00,36.00,0.00,usd,36.00,0.00,usd,Mug,1.34,Paid\n',
    );
    const job = await importInto(t, path);
    expect(job).toMatchObject({ preset: 'stripe-payments', inserted: 3, error_count: 0 });
    expect(
      rows(
        t,
        'SELECT external_id, currency, amount_minor, refunded_minor, fee_minor, status, description FROM payments ORDER BY external_id',
      ),
    ).toEqual([
      {
        external_id: 'ch_eur',
        currency: 'USD',
        amount_minor: 10850,
        refunded_minor: 1085,
        fee_minor: 345,
        status: 'partially_refunded',
        description: 'Beans (charged 100.00 EUR)',
      },
      {
        external_id: 'ch_jpy',
        currency: 'USD',
        amount_minor: 3340,
        refunded_minor: 0,
        fee_minor: 127,
        status: 'succeeded',
        description: 'charged 5000 JPY',
      },
      {
        external_id: 'ch_usd',
        currency: 'USD',
        amount_minor: 3600,
        refunded_minor: 0,
        fee_minor: 134,
        status: 'succeeded',
        description: 'Mug',
      },
    ]);
  });

  it('Stripe: a lost dispute takes the disputed amount back, an open or won one changes nothing', async () => {
    const header =
      'id,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Converted Currency,Description,Fee,Status,Disputed Amount,Dispute Status';
    const path = written.write(
      'stripe-disputes.csv',
      `${header}\n` +
        'ch_lost,2026-09-01 10:00:00,40.00,0.00,usd,40.00,0.00,usd,Gift box,1.46,Paid,40.00,lost\n' +
        'ch_part,2026-09-02 10:00:00,50.00,10.00,usd,50.00,10.00,usd,,1.75,Paid,15.00,lost\n' +
        'ch_eur,2026-09-03 10:00:00,100.00,0.00,eur,108.50,0.00,usd,,3.45,Paid,20.00,lost\n' +
        'ch_open,2026-09-04 10:00:00,30.00,0.00,usd,30.00,0.00,usd,,1.17,Paid,30.00,needs_response\n' +
        'ch_won,2026-09-05 10:00:00,25.00,0.00,usd,25.00,0.00,usd,,1.03,Paid,25.00,won\n',
    );
    const job = await importInto(t, path);
    expect(job).toMatchObject({ preset: 'stripe-payments', inserted: 5, error_count: 0 });
    expect(
      rows(
        t,
        'SELECT external_id, amount_minor, refunded_minor, status, description FROM payments ORDER BY paid_at',
      ),
    ).toEqual([
      {
        external_id: 'ch_lost',
        amount_minor: 4000,
        refunded_minor: 4000,
        status: 'refunded',
        description: 'Gift box (dispute lost)',
      },
      {
        external_id: 'ch_part',
        amount_minor: 5000,
        refunded_minor: 2500,
        status: 'partially_refunded',
        description: 'dispute lost',
      },
      // €20 of €100 disputed: a fifth of the $108.50 the account received.
      {
        external_id: 'ch_eur',
        amount_minor: 10850,
        refunded_minor: 2170,
        status: 'partially_refunded',
        description: 'charged 100.00 EUR (dispute lost)',
      },
      { external_id: 'ch_open', amount_minor: 3000, refunded_minor: 0, status: 'succeeded', description: '' },
      { external_id: 'ch_won', amount_minor: 2500, refunded_minor: 0, status: 'succeeded', description: '' },
    ]);
  });

  it('GA4: daily visits and key events per channel group', async () => {
    const job = await importInto(t, sample('ga4-traffic-daily.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 1986, inserted: 1986, error_count: 0 });
    expect(one(t, `SELECT sum(value) AS v FROM metric_observations WHERE metric = 'visits'`).v).toBe(55103);
    expect(
      one(
        t,
        `SELECT sum(value) AS v, min(channel) AS c FROM metric_observations WHERE metric = 'visits' AND scope = 'channel:organic-search'`,
      ),
    ).toEqual({ v: 17411, c: 'web' });
    expect(one(t, `SELECT sum(value) AS v FROM metric_observations WHERE metric = 'conversions'`).v).toBe(
      827,
    );
    expect(
      one(
        t,
        `SELECT value FROM metric_observations WHERE date = '2026-01-01' AND scope = 'channel:direct' AND metric = 'visits'`,
      ).value,
    ).toBe(37);
  });

  it('Mailchimp: sends on their date, for the campaign named in the title or the e-mail channel', async () => {
    const job = await importInto(t, sample('mailchimp-campaigns.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 14, inserted: 14, error_count: 0 });
    const spring = `campaign:${campaignId('spring-newsletter')}`;
    expect(
      rows(
        t,
        `SELECT date, metric, value FROM metric_observations WHERE scope = ? AND date = '2026-03-10' ORDER BY metric`,
        spring,
      ),
    ).toEqual([
      { date: '2026-03-10', metric: 'clicks', value: 124 },
      { date: '2026-03-10', metric: 'opens', value: 1054 },
      { date: '2026-03-10', metric: 'recipients', value: 2783 },
      { date: '2026-03-10', metric: 'unsubscribes', value: 13 },
    ]);
    expect(
      one(
        t,
        `SELECT value FROM metric_observations WHERE scope = 'channel:email' AND date = '2026-01-13' AND metric = 'opens'`,
      ).value,
    ).toBe(798);
  });

  it('Meta ads: daily numbers per campaign and spend entries keyed for re-import; the summary row is a note', async () => {
    const job = await importInto(t, sample('meta-ads.csv'));
    expect(job).toMatchObject({ status: 'done', rows_total: 101, inserted: 100, skipped: 1, error_count: 0 });
    expect(one(t, 'SELECT count(*) AS n, sum(amount_minor) AS s FROM spend_entries')).toEqual({
      n: 100,
      s: 376675,
    });
    const retarget = campaignId('fb-retarget');
    expect(one(t, `SELECT amount_minor, source_key FROM spend_entries WHERE date = '2026-04-06'`)).toEqual({
      amount_minor: 5276,
      source_key: `meta:2026-04-06:${retarget}`,
    });
    expect(
      one(
        t,
        `SELECT value FROM metric_observations WHERE scope = ? AND date = '2026-04-06' AND metric = 'impressions'`,
        `campaign:${retarget}`,
      ).value,
    ).toBe(4250);
  });

  it('Meta ads: a row covering more than one day is refused, naming its dates as the file writes them', async () => {
    const header =
      '"Reporting starts","Reporting ends","Campaign name","Amount spent (USD)",Impressions,Reach,"Link clicks"';
    const path = written.write(
      'meta-weekly.csv',
      `${header}\n4/6/2026,4/12/2026,fb-retarget,310.20,25000,9000,900\n4/13/2026,4/13/2026,fb-retarget,40.00,3000,1000,90\n`,
    );
    const job = await importInto(t, path, { options: { dateOrder: 'MDY' } });
    expect(job).toMatchObject({ inserted: 1, error_count: 1 });
    expect(rows(t, 'SELECT row, column, message FROM import_row_errors')).toEqual([
      {
        row: 2,
        column: 'Reporting ends',
        message: 'the row covers 4/6/2026 to 4/12/2026, not one day: export the report with Breakdown: Day',
      },
    ]);
  });

  it('LinkedIn: the Metrics sheet as daily social numbers', async () => {
    const job = await importInto(t, sample('linkedin-page-analytics.xlsx'));
    expect(job).toMatchObject({ status: 'done', rows_total: 273, inserted: 273, error_count: 0 });
    expect(
      one(
        t,
        `SELECT value FROM metric_observations WHERE scope = 'channel:social' AND date = '2026-01-01' AND metric = 'impressions'`,
      ).value,
    ).toBe(32);
    expect(one(t, `SELECT sum(value) AS v FROM metric_observations WHERE metric = 'impressions'`).v).toBe(
      331950,
    );
  });

  it('importing every sample a second time inserts nothing', async () => {
    const files = [
      'hubspot-contacts.csv',
      'google-contacts.csv',
      'pipedrive-deals.csv',
      'shopify-orders.csv',
      'stripe-payments.csv',
      'ga4-traffic-daily.csv',
      'ga4-pages-daily.csv',
      'mailchimp-campaigns.csv',
      'meta-ads.csv',
      'linkedin-page-analytics.xlsx',
    ];
    for (const file of files) await importInto(t, sample(file));
    const before = rows(
      t,
      `SELECT (SELECT count(*) FROM contacts) c, (SELECT count(*) FROM leads) l, (SELECT count(*) FROM orders) o, (SELECT count(*) FROM order_lines) ol, (SELECT count(*) FROM payments) p, (SELECT count(*) FROM metric_observations) m, (SELECT count(*) FROM spend_entries) s, (SELECT count(*) FROM campaigns) k`,
    );
    for (const file of files) {
      const again = await importInto(t, sample(file));
      expect({ file, inserted: again.inserted, updated: again.updated, errors: again.error_count }).toEqual({
        file,
        inserted: 0,
        updated: 0,
        errors: 0,
      });
    }
    expect(
      rows(
        t,
        `SELECT (SELECT count(*) FROM contacts) c, (SELECT count(*) FROM leads) l, (SELECT count(*) FROM orders) o, (SELECT count(*) FROM order_lines) ol, (SELECT count(*) FROM payments) p, (SELECT count(*) FROM metric_observations) m, (SELECT count(*) FROM spend_entries) s, (SELECT count(*) FROM campaigns) k`,
      ),
    ).toEqual(before);
  });
});
