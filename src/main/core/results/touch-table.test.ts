import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto } from '../import/testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const COLUMNS = 'id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id';
const sql = () => t.core.connection.sqlite;
const run = (statement: string, ...params: unknown[]) =>
  sql()
    .prepare(statement)
    .run(...params);
const first = <T>(statement: string, ...params: unknown[]) =>
  sql()
    .prepare(statement)
    .get(...params) as T;

/** The touches table holds exactly the rows the touch_log view computes from the records. */
function expectInStep() {
  const missing = sql()
    .prepare(`SELECT ${COLUMNS} FROM touch_log EXCEPT SELECT ${COLUMNS} FROM touches`)
    .all();
  const extra = sql().prepare(`SELECT ${COLUMNS} FROM touches EXCEPT SELECT ${COLUMNS} FROM touch_log`).all();
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  const n = first<{ n: number }>('SELECT count(*) AS n FROM touches').n;
  expect(n).toBe(first<{ n: number }>('SELECT count(*) AS n FROM touch_log').n);
  return n;
}

describe('the touches table', () => {
  it('is filled from the touch log of the demo workspace', () => {
    expect(expectInStep()).toBeGreaterThan(100);
    // The demo's e-mail leads clicked the tasting link, its event leads came to the cupping.
    const kinds = sql()
      .prepare(
        `SELECT kind, count(*) AS n, count(campaign_id) AS withCampaign FROM touches
                WHERE kind IN ('email_click', 'event') GROUP BY kind ORDER BY kind`,
      )
      .all() as { kind: string; n: number; withCampaign: number }[];
    expect(kinds.map((k) => k.kind)).toEqual(['email_click', 'event']);
    for (const k of kinds) expect(k.withCampaign).toBe(k.n);
  });

  it('follows creates, updates and deletes of leads, orders, payments and contacts', () => {
    const order = first<{ id: string; contactId: string }>(
      `SELECT id, contact_id AS contactId FROM orders WHERE contact_id IS NOT NULL AND deleted_at IS NULL LIMIT 1`,
    );
    const campaigns = sql().prepare('SELECT id FROM campaigns ORDER BY id LIMIT 2').all() as { id: string }[];
    run(
      'UPDATE orders SET campaign_id = ?, ordered_at = ? WHERE id = ?',
      campaigns[1]!.id,
      '2026-09-01T10:00:00.000Z',
      order.id,
    );
    expectInStep();
    run('UPDATE orders SET deleted_at = ? WHERE id = ?', '2026-10-15T12:00:00.000Z', order.id);
    expect(first('SELECT id FROM touches WHERE id = ?', order.id)).toBeUndefined();
    run('UPDATE orders SET deleted_at = NULL WHERE id = ?', order.id);
    expectInStep();

    const lead = first<{ id: string }>('SELECT id FROM leads WHERE contact_id IS NOT NULL LIMIT 1');
    run('UPDATE leads SET campaign_id = ?, channel = ? WHERE id = ?', campaigns[0]!.id, 'email', lead.id);
    run('UPDATE leads SET deleted_at = ? WHERE id = ?', '2026-10-15T12:00:00.000Z', lead.id);
    expectInStep();

    const payment = first<{ id: string } | undefined>(
      'SELECT id FROM payments WHERE contact_id IS NOT NULL LIMIT 1',
    );
    if (payment) {
      run('UPDATE payments SET campaign_id = ? WHERE id = ?', campaigns[0]!.id, payment.id);
      expectInStep();
    }
    run(
      'UPDATE contacts SET source_channel = ?, source_campaign_id = NULL WHERE id = ?',
      'referral',
      order.contactId,
    );
    expectInStep();
    run('UPDATE contacts SET source_channel = NULL WHERE id = ?', order.contactId);
    expectInStep();
  });

  it('takes a new row exactly when the touch log lists it, for every combination of what the log reads', () => {
    // The insert triggers skip rows their branch of touch_log would not list (migration 0024): every mix of
    // the columns that branch reads, inserted fresh, must leave the table and the view in step.
    const contact = first<{ id: string }>('SELECT id FROM contacts WHERE deleted_at IS NULL LIMIT 1').id;
    const campaign = first<{ id: string }>('SELECT id FROM campaigns LIMIT 1').id;
    const now = '2026-10-15T12:00:00.000Z';
    const options = <T>(...values: T[]) => values;
    let n = 0;
    const before = expectInStep();
    let expected = before;
    const count = (id: string) =>
      first<{ n: number }>('SELECT count(*) AS n FROM touch_log WHERE id = ?', id).n;
    for (const deleted of options(null, now))
      for (const campaignId of options(null, campaign))
        for (const channel of options(null, 'referral')) {
          const id = `t-contact-${n++}`;
          run(
            `INSERT INTO contacts (id, first_name, source_campaign_id, source_channel, deleted_at, created_at, updated_at)
             VALUES (?, 'Combo', ?, ?, ?, ?, ?)`,
            id,
            campaignId,
            channel,
            deleted,
            now,
            now,
          );
          expected += count(id);
          for (const contactId of options(null, contact))
            for (const leadChannel of options('unknown', 'email')) {
              const lead = `t-lead-${n++}`;
              run(
                `INSERT INTO leads (id, title, stage_id, contact_id, campaign_id, channel, deleted_at, created_at, updated_at)
                 VALUES (?, 'Combo', (SELECT id FROM pipeline_stages LIMIT 1), ?, ?, ?, ?, ?, ?)`,
                lead,
                contactId,
                campaignId,
                leadChannel,
                deleted,
                now,
                now,
              );
              expected += count(lead);
              for (const utm of options(null, 'fair-special'))
                for (const code of options(null, 'FAIR10'))
                  for (const content of options(null, 'autumn-reel')) {
                    const order = `t-order-${n++}`;
                    run(
                      `INSERT INTO orders (id, source, external_id, ordered_at, currency, total_minor, status, contact_id,
                         campaign_id, utm_campaign, discount_code, utm_content, deleted_at, created_at, updated_at)
                       VALUES (?, 'combo', ?, ?, 'USD', 100, 'paid', ?, ?, ?, ?, ?, ?, ?, ?)`,
                      order,
                      order,
                      now,
                      contactId,
                      campaignId,
                      utm,
                      code,
                      content,
                      deleted,
                      now,
                      now,
                    );
                    expected += count(order);
                  }
              for (const utm of options(null, 'fair-special')) {
                const payment = `t-payment-${n++}`;
                run(
                  `INSERT INTO payments (id, source, external_id, paid_at, currency, amount_minor, status, contact_id,
                     campaign_id, utm_campaign, deleted_at, created_at, updated_at)
                   VALUES (?, 'combo', ?, ?, 'USD', 100, 'paid', ?, ?, ?, ?, ?, ?)`,
                  payment,
                  payment,
                  now,
                  contactId,
                  campaignId,
                  utm,
                  deleted,
                  now,
                  now,
                );
                expected += count(payment);
              }
            }
        }
    expect(expectInStep()).toBe(expected);
    // Some of the combinations are touches and some are not, of every kind.
    expect(expected).toBeGreaterThan(before);
    const kinds = sql()
      .prepare(`SELECT DISTINCT kind FROM touches WHERE id LIKE 't-%' ORDER BY kind`)
      .all()
      .map((r) => (r as { kind: string }).kind);
    expect(kinds).toEqual(['lead_source', 'order', 'original_source', 'payment']);
    expect(first<{ n: number }>(`SELECT count(*) AS n FROM touches WHERE id LIKE 't-%'`).n).toBeLessThan(n);
  });

  it('follows a campaign changing its channel and content items coming and going', () => {
    const campaign = first<{ id: string; channel: string }>(
      `SELECT c.id, c.channel FROM campaigns c JOIN leads l ON l.campaign_id = c.id LIMIT 1`,
    );
    run(
      'UPDATE campaigns SET channel = ? WHERE id = ?',
      campaign.channel === 'email' ? 'ads' : 'email',
      campaign.id,
    );
    expectInStep();

    const order = first<{ id: string }>(
      `SELECT id FROM orders WHERE contact_id IS NOT NULL AND deleted_at IS NULL LIMIT 1`,
    );
    run(`UPDATE orders SET utm_content = 'autumn-reel' WHERE id = ?`, order.id);
    const now = '2026-10-15T12:00:00.000Z';
    run(
      `INSERT INTO content_items (id, campaign_id, channel, title, status, utm_content, created_at, updated_at)
       VALUES ('ci-autumn', ?, 'social', 'Autumn reel', 'published', 'autumn-reel', ?, ?)`,
      campaign.id,
      now,
      now,
    );
    expect(first<{ c: string }>('SELECT content_item_id AS c FROM touches WHERE id = ?', order.id).c).toBe(
      'ci-autumn',
    );
    expectInStep();
    run(`UPDATE content_items SET utm_content = 'winter-reel' WHERE id = 'ci-autumn'`);
    expectInStep();
    run(`UPDATE content_items SET utm_content = 'autumn-reel', deleted_at = ? WHERE id = 'ci-autumn'`, now);
    expectInStep();
    run(`DELETE FROM content_items WHERE id = 'ci-autumn'`);
    expectInStep();
  });

  it('follows manual touches and an import with its undo', async () => {
    const contact = first<{ id: string }>('SELECT id FROM contacts WHERE deleted_at IS NULL LIMIT 1');
    const touch = await t.client.call('touches.create', {
      contactId: contact.id,
      at: '2026-09-02',
      channel: 'event',
      note: 'Met at the roasting fair',
    });
    expect(first('SELECT kind FROM touches WHERE id = ?', touch.id)).toEqual({ kind: 'manual' });
    expectInStep();
    await t.client.call('touches.delete', { id: touch.id });
    expect(first('SELECT id FROM touches WHERE id = ?', touch.id)).toBeUndefined();

    // Orders of known contacts carry their touches.
    const buyers = sql()
      .prepare('SELECT email FROM contacts WHERE email IS NOT NULL AND deleted_at IS NULL LIMIT 2')
      .all() as { email: string }[];
    const path = files.write(
      'orders.csv',
      [
        'Order,Date,Email,Status,Total,Product,Qty,Price,utm_campaign',
        `W-1,2026-09-03 10:00:00 -0500,${buyers[0]!.email},paid,40.00,Beans,2,20.00,fair-special`,
        `W-2,2026-09-04 10:00:00 -0500,${buyers[1]!.email},paid,12.00,Filter,1,12.00,fair-special`,
        '',
      ].join('\n'),
    );
    const before = expectInStep();
    const job = await importInto(
      t,
      path,
      {
        kind: 'orders',
        mapping: {
          Order: 'externalId',
          Date: 'orderedAt',
          Email: 'email',
          Status: 'status',
          Total: 'total',
          Product: 'lineName',
          Qty: 'lineQuantity',
          Price: 'linePrice',
          utm_campaign: 'campaign',
        },
        options: { source: 'webshop' },
      },
      {},
    );
    expect(job).toMatchObject({ status: 'done', inserted: 2 });
    expect(expectInStep()).toBeGreaterThan(before);
    undoJob(sql(), job.id, t.core.ctx.nowIso);
    expect(expectInStep()).toBe(before);
  });
});
