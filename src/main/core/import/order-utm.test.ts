import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertContent } from '../leads/fixtures';
import { importInto, rows, sample } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  await t.client.call('settings.update', { currency: 'USD' });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

/** Shopify's own header (from the sample export), so the file is recognised as the Shopify preset. */
const SHOPIFY_HEADER = readFileSync(sample('shopify-orders.csv'), 'utf8').split('\n')[0]!.split(',');
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A Shopify export with one row per order, optionally with an extra "Landing Site" column at the end. */
function shopifyFile(name: string, orders: Record<string, string>[], extra: string[] = []): string {
  const header = [...SHOPIFY_HEADER, ...extra];
  const lines = orders.map((o) => header.map((h) => quote(o[h] ?? '')).join(','));
  return files.write(name, `${[header.join(','), ...lines].join('\n')}\n`);
}

const order = (name: string, email: string, total: string, more: Record<string, string> = {}) => ({
  Name: name,
  Email: email,
  'Financial Status': 'paid',
  Currency: 'USD',
  Subtotal: total,
  Total: total,
  'Created at': '2026-08-03 10:00:00 -0400',
  'Lineitem quantity': '1',
  'Lineitem name': 'Beans',
  'Lineitem price': total,
  ...more,
});

function contact(email: string): string {
  const id = uuidv7();
  t.core.connection.sqlite
    .prepare(
      `INSERT INTO contacts (id, first_name, email, email_key, created_at, updated_at) VALUES (?, 'Ann', ?, ?, ?, ?)`,
    )
    .run(id, email, email, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
  return id;
}

describe('utm tags of Shopify orders', () => {
  it('fills utm_content from Note Attributes lines and landing-site URLs, and credits the content item', async () => {
    const reel = insertContent(t, { title: 'Reel: latte art', scheduledDate: '2026-08-01' });
    const hero = insertContent(t, { title: 'Newsletter hero link', scheduledDate: '2026-08-01' });
    const set = t.core.connection.sqlite.prepare('UPDATE content_items SET utm_content = ? WHERE id = ?');
    set.run('latte-reel', reel);
    set.run('hero-link', hero);
    const ann = contact('ann@example.com');
    contact('bo@example.com');
    const path = shopifyFile('orders_export.csv', [
      order('#2001', 'ann@example.com', '30.00', {
        'Note Attributes':
          'utm_source: instagram\nutm_medium: social\nutm_campaign: insta-launch\nutm_content: latte-reel',
      }),
      order('#2002', 'bo@example.com', '12.50', {
        'Note Attributes':
          'landing_site: /products/beans?utm_source=newsletter&utm_medium=email&utm_campaign=spring-newsletter&utm_content=Hero-Link',
      }),
      order('#2003', 'bo@example.com', '8.00'),
    ]);
    const job = await importInto(t, path);
    expect(job).toMatchObject({ status: 'done', preset: 'shopify-orders' });
    expect(
      rows(
        t,
        'SELECT external_id AS id, utm_source AS s, utm_medium AS m, utm_campaign AS c, utm_content AS x FROM orders ORDER BY external_id',
      ),
    ).toEqual([
      { id: '#2001', s: 'instagram', m: 'social', c: 'insta-launch', x: 'latte-reel' },
      { id: '#2002', s: 'newsletter', m: 'email', c: 'spring-newsletter', x: 'hero-link' },
      { id: '#2003', s: null, m: null, c: null, x: null },
    ]);
    const touches = await t.client.call('touches.list', { contactId: ann });
    expect(touches.touches.map((x) => [x.kind, x.contentId])).toEqual([['order', reel]]);
    const d = await t.client.call('results.dashboard', { from: '2026-08-01', to: '2026-08-31' });
    expect(d.content.map((c) => [c.title, c.revenueMinor]).sort()).toEqual([
      // Bo's untagged order #2003 has the tagged #2002 as its only touch, so the link gets both.
      ['Newsletter hero link', 1250 + 800],
      ['Reel: latte art', 3000],
    ]);
  });

  it('reads a Landing Site column when the export has one', async () => {
    const path = shopifyFile(
      'orders_with_landing.csv',
      [
        order('#3001', 'cy@example.com', '20.00', {
          'Landing Site':
            'https://shop.example/?utm_source=facebook&utm_medium=paid-social&utm_campaign=fb-retarget&utm_content=carousel-2',
        }),
      ],
      ['Landing Site'],
    );
    const job = await importInto(t, path);
    expect(job).toMatchObject({ status: 'done', preset: 'shopify-orders' });
    expect(rows(t, 'SELECT utm_campaign AS c, utm_content AS x, utm_medium AS m FROM orders')).toEqual([
      { c: 'fb-retarget', x: 'carousel-2', m: 'paid-social' },
    ]);
  });

  it('a mapped orders file reads utm_content and a landing-page URL column', async () => {
    const path = files.write(
      'webshop.csv',
      'Order,Date,Email,Total,Content,Landing\n' +
        'W-1,2026-08-03 10:00:00 -0400,dee@example.com,15.00,Story-3,\n' +
        'W-2,2026-08-04 10:00:00 -0400,dee@example.com,9.00,,/?utm_campaign=insta-launch&utm_content=story-4\n',
    );
    const job = await importInto(t, path, {
      kind: 'orders',
      mapping: {
        Order: 'externalId',
        Date: 'orderedAt',
        Email: 'email',
        Total: 'total',
        Content: 'utmContent',
        Landing: 'landingSite',
      },
      options: { source: 'webshop' },
    });
    expect(job.status).toBe('done');
    expect(
      rows(t, 'SELECT external_id AS id, utm_campaign AS c, utm_content AS x FROM orders ORDER BY id'),
    ).toEqual([
      { id: 'W-1', c: null, x: 'story-3' },
      { id: 'W-2', c: 'insta-launch', x: 'story-4' },
    ]);
  });
});
