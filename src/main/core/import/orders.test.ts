import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from './job/undo';
import { count, importInto, one, rows } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const HEADER = 'Order,Date,Email,Status,Total,Refunded,Product,Qty,Price,utm_campaign';
const csv = (name: string, lines: string[]) => files.write(name, `${[HEADER, ...lines].join('\n')}\n`);
const MAPPING = {
  Order: 'externalId',
  Date: 'orderedAt',
  Email: 'email',
  Status: 'status',
  Total: 'total',
  Refunded: 'refunded',
  Product: 'lineName',
  Qty: 'lineQuantity',
  Price: 'linePrice',
  utm_campaign: 'campaign',
};
const orders = (path: string, batchSize = 5000) =>
  importInto(t, path, { kind: 'orders', mapping: MAPPING, options: { source: 'webshop' } }, { batchSize });

/** Orders of one line each, `Order,Date,Email,Total,Product` (or with semicolons, as European Excel saves). */
const totals = (name: string, lines: string[], options?: { decimalSeparator: '.' | ',' }) => {
  const separator = lines[0]?.includes(';') ? ';' : ',';
  const header = ['Order', 'Date', 'Email', 'Total', 'Product'].join(separator);
  const mapping = {
    Order: 'externalId',
    Date: 'orderedAt',
    Email: 'email',
    Total: 'total',
    Product: 'lineName',
  };
  return importInto(t, files.write(name, `${[header, ...lines].join('\n')}\n`), {
    kind: 'orders',
    mapping,
    options,
  });
};

describe('orders', () => {
  it('folds the rows of one order into one order with line items, also across batch boundaries', async () => {
    const path = csv('orders.csv', [
      'A-1,2026-03-01 10:00:00 -0500,zoe@example.com,paid,50.00,,Beans,2,20.00,spring-sale',
      'A-1,2026-03-01 10:00:00 -0500,zoe@example.com,,,,Mug,1,10.00,',
      'A-2,2026-03-02 11:00:00 -0500,max@example.com,paid,12.00,,Filter,1,12.00,',
      'A-2,2026-03-02 11:00:00 -0500,max@example.com,,,,Sticker,1,0.00,',
      'A-2,2026-03-02 11:00:00 -0500,max@example.com,,,,Card,1,0.00,',
    ]);
    // A batch of 2 rows cuts order A-2 in the middle: its rows are held back until the order is complete.
    const job = await orders(path, 2);
    expect(job).toMatchObject({ status: 'done', rows_total: 5, inserted: 2, error_count: 0, rows_done: 5 });
    expect(
      rows(
        t,
        'SELECT o.external_id AS id, count(l.id) AS n, o.total_minor AS total FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.external_id',
      ),
    ).toEqual([
      { id: 'A-1', n: 2, total: 5000 },
      { id: 'A-2', n: 3, total: 1200 },
    ]);
    expect(one(t, `SELECT source, ordered_at, utm_campaign FROM orders WHERE external_id = 'A-1'`)).toEqual({
      source: 'webshop',
      ordered_at: '2026-03-01T15:00:00.000Z',
      utm_campaign: 'spring-sale',
    });
    expect(one(t, `SELECT name, status, channel FROM campaigns`)).toEqual({
      name: 'Spring sale',
      status: 'draft',
      channel: 'other',
    });
  });

  it('counts refunds against revenue and keeps voided orders out of it', async () => {
    await orders(
      csv('money.csv', [
        'B-1,2026-04-01,a@example.com,paid,100.00,0,Beans,1,100.00,',
        'B-2,2026-04-02,b@example.com,partially_refunded,80.00,30.00,Beans,1,80.00,',
        'B-3,2026-04-03,c@example.com,refunded,40.00,,Beans,1,40.00,',
        'B-4,2026-04-04,d@example.com,voided,25.00,,Beans,1,25.00,',
      ]),
    );
    expect(one(t, `SELECT refunded_minor FROM orders WHERE external_id = 'B-3'`).refunded_minor).toBe(4000);
    const { totals } = await t.client.call('campaigns.results', { from: '2026-04-01', to: '2026-04-30' });
    expect(totals.revenue.ordersMinor).toBe(10000 + 5000);
  });

  it("reads other shops' statuses: WooCommerce's processing is paid, on hold is not, wc- prefixes dropped", async () => {
    await orders(
      csv('woo.csv', [
        'W-1,2026-04-01,a@example.com,Processing,100.00,,Beans,1,100.00,',
        'W-2,2026-04-02,b@example.com,On hold,70.00,,Beans,1,70.00,',
        'W-3,2026-04-03,c@example.com,wc-completed,80.00,,Beans,1,80.00,',
        'W-4,2026-04-04,d@example.com,Failed,25.00,,Beans,1,25.00,',
      ]),
    );
    expect(rows(t, `SELECT external_id, status FROM orders ORDER BY external_id`)).toEqual([
      { external_id: 'W-1', status: 'paid' },
      { external_id: 'W-2', status: 'pending' },
      { external_id: 'W-3', status: 'paid' },
      { external_id: 'W-4', status: 'voided' },
    ]);
    const { totals } = await t.client.call('campaigns.results', { from: '2026-04-01', to: '2026-04-30' });
    expect(totals.revenue.ordersMinor).toBe(10000 + 8000);
  });

  it("reads a European file's amounts with the decimal comma its other amounts show, on every row", async () => {
    const job = await totals('eu.csv', [
      'E-1;2026-04-01;a@example.com;1.000;Beans',
      'E-2;2026-04-02;b@example.com;2,500;Beans',
      'E-3;2026-04-03;c@example.com;1.234,50;Beans',
      'E-4;2026-04-04;d@example.com;12,5;Beans',
    ]);
    expect(job).toMatchObject({ status: 'done', inserted: 4, error_count: 0 });
    expect(rows(t, `SELECT external_id, total_minor FROM orders ORDER BY external_id`)).toEqual([
      { external_id: 'E-1', total_minor: 100000 },
      { external_id: 'E-2', total_minor: 250 },
      { external_id: 'E-3', total_minor: 123450 },
      { external_id: 'E-4', total_minor: 1250 },
    ]);
    // The decision is the job's, kept for a resume.
    expect(JSON.parse(one(t, `SELECT options FROM import_jobs`).options as string)).toMatchObject({
      decimalSeparator: ',',
      decimalSettled: true,
    });
  });

  it('reads amounts no value of the file settles one by one, and leaves a chosen separator alone', async () => {
    await totals('unsettled.csv', ['U-1,2026-04-01,a@example.com,"2,500",Beans']);
    expect(one(t, `SELECT total_minor FROM orders`).total_minor).toBe(250000);
    const job = await totals(
      'chosen.csv',
      ['U-2,2026-04-01,a@example.com,"2,500",Beans', 'U-3,2026-04-01,a@example.com,12.5,Beans'],
      { decimalSeparator: ',' },
    );
    expect(one(t, `SELECT total_minor FROM orders WHERE external_id = 'U-2'`).total_minor).toBe(250);
    // 12.5 does not read with a decimal comma: an error, not a guess against the user's choice.
    expect(job).toMatchObject({ inserted: 1, error_count: 1 });
  });

  it("reads amounts every value of which reads both ways with the workspace locale's separator, with one note", async () => {
    const lines = ['W-1;2026-04-01;a@example.com;1.250;Beans', 'W-2;2026-04-02;b@example.com;2.000;Beans'];
    const us = await totals('us.csv', lines);
    expect(us.message).toMatch(/a point was read as the decimal separator, .*\(en-US\)/);
    expect(rows(t, `SELECT total_minor FROM orders ORDER BY external_id`)).toEqual([
      { total_minor: 125 },
      { total_minor: 200 },
    ]);

    // The same file again in a German workspace: the orders are read again, as euros and cents.
    await t.client.call('settings.update', { locale: 'de-DE', currency: 'EUR' });
    const de = await totals('whole-euros.csv', lines);
    expect(de).toMatchObject({ status: 'done', updated: 2, error_count: 0 });
    expect(de.message).toMatch(/^Every amount in "Total" reads both ways .* comma .*\(de-DE\)/);
    expect(rows(t, `SELECT total_minor FROM orders ORDER BY external_id`)).toEqual([
      { total_minor: 125000 },
      { total_minor: 200000 },
    ]);
    expect(rows(t, 'SELECT * FROM import_row_errors')).toEqual([]);
  });

  it('refuses an amount written in another currency than the row is read in, instead of storing it as such', async () => {
    const job = await totals('currencies.csv', [
      'M-1,2026-04-01,a@example.com,£12.50,Tea',
      'M-2,2026-04-02,b@example.com,12.50 EUR,Tea',
      'M-3,2026-04-03,c@example.com,CA$5.00,Tea',
      'M-4,2026-04-04,d@example.com,JPY 1200,Tea',
      'M-5,2026-04-05,e@example.com,$7.00,Tea',
      'M-6,2026-04-06,f@example.com,US$8.00,Tea',
      'M-7,2026-04-07,g@example.com,9.00 USD,Tea',
    ]);
    expect(job).toMatchObject({ inserted: 3, error_count: 4 });
    expect(rows(t, `SELECT external_id, total_minor, currency FROM orders ORDER BY external_id`)).toEqual([
      { external_id: 'M-5', total_minor: 700, currency: 'USD' },
      { external_id: 'M-6', total_minor: 800, currency: 'USD' },
      { external_id: 'M-7', total_minor: 900, currency: 'USD' },
    ]);
    expect(rows(t, `SELECT row, message FROM import_row_errors ORDER BY row`).map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^"£12\.50" is written in a currency other than USD, but this row's amounts are read as USD/,
      ),
      expect.stringMatching(/^"12\.50 EUR" is written in EUR, but/),
      expect.stringMatching(/^"CA\$5\.00" is written in CAD, but/),
      expect.stringMatching(/^"JPY 1200" is written in JPY, but/),
    ]);
  });

  it("counts PayPal's and Square's completed payments as received", async () => {
    const path = files.write(
      'paypal.csv',
      [
        'Transaction ID,Date,Gross,Currency,Status,From Email Address',
        'P-1,2026-04-02,120.00,USD,Completed,a@example.com',
        'P-2,2026-04-03,30.00,USD,Complete,b@example.com',
        'P-3,2026-04-04,55.00,USD,Denied,c@example.com',
      ].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'payments',
      mapping: {
        'Transaction ID': 'externalId',
        Date: 'paidAt',
        Gross: 'amount',
        Currency: 'currency',
        Status: 'status',
        'From Email Address': 'email',
      },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 3, error_count: 0 });
    expect(rows(t, `SELECT external_id, status FROM payments ORDER BY external_id`)).toEqual([
      { external_id: 'P-1', status: 'succeeded' },
      { external_id: 'P-2', status: 'succeeded' },
      { external_id: 'P-3', status: 'failed' },
    ]);
  });

  it('refuses a second row with a payment ID the file already gave, keeping the first', async () => {
    const path = files.write(
      'square.csv',
      [
        'Payment ID,Date,Total Collected,Status',
        'pay_A,2026-04-02,21.49,Completed',
        'pay_B,2026-04-02,9.00,Completed',
        'pay_A,2026-04-05,19.49,Completed',
      ].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'payments',
      mapping: { 'Payment ID': 'externalId', Date: 'paidAt', 'Total Collected': 'amount', Status: 'status' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 2, updated: 0, error_count: 1 });
    expect(rows(t, `SELECT external_id, amount_minor FROM payments ORDER BY external_id`)).toEqual([
      { external_id: 'pay_A', amount_minor: 2149 },
      { external_id: 'pay_B', amount_minor: 900 },
    ]);
    expect(
      one(t, `SELECT row, "column", severity, message FROM import_row_errors WHERE job_id = ?`, job.id),
    ).toMatchObject({
      row: 4,
      column: 'Payment ID',
      severity: 'error',
      message: expect.stringMatching(/^payment pay_A is already on row 2 of this file/),
    });
  });

  it('refuses a negative payment row, which is money going out, instead of storing it as received', async () => {
    const path = files.write(
      'activity.csv',
      [
        'Transaction ID,Date,Gross,Status',
        'T-1,2026-03-02,"1,250.00",Completed',
        'T-2,2026-03-05,"-1,250.00",Completed',
        'T-3,2026-03-06,-20.00,Completed',
      ].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'payments',
      mapping: { 'Transaction ID': 'externalId', Date: 'paidAt', Gross: 'amount', Status: 'status' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 1, error_count: 2 });
    expect(rows(t, `SELECT external_id, amount_minor FROM payments`)).toEqual([
      { external_id: 'T-1', amount_minor: 125000 },
    ]);
    expect(
      rows(t, `SELECT row, "column", message FROM import_row_errors WHERE job_id = ? ORDER BY row`, job.id),
    ).toEqual([
      { row: 3, column: 'Gross', message: expect.stringMatching(/^"-1,250\.00" is money going out/) },
      { row: 4, column: 'Gross', message: expect.stringMatching(/^"-20\.00" is money going out/) },
    ]);
  });

  it('keeps every line of a re-imported order whose rows are not next to each other', async () => {
    const file = csv('unsorted.csv', [
      'W-1,2026-05-01,e@example.com,paid,50.00,,Coffee A,1,20.00,',
      'W-2,2026-05-02,f@example.com,paid,10.00,,Filter,1,10.00,',
      'W-1,2026-05-01,e@example.com,paid,50.00,,Coffee B,2,15.00,',
    ]);
    const lines = () =>
      rows(
        t,
        `SELECT o.external_id AS id, l.name FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.external_id, l.position`,
      );
    const want = [
      { id: 'W-1', name: 'Coffee A' },
      { id: 'W-1', name: 'Coffee B' },
      { id: 'W-2', name: 'Filter' },
    ];
    expect(await orders(file)).toMatchObject({ inserted: 2, updated: 0, error_count: 0 });
    expect(lines()).toEqual(want);
    const again = await orders(file);
    expect(again).toMatchObject({ inserted: 0, error_count: 0 });
    expect(again.updated + again.unchanged).toBe(2);
    expect(lines()).toEqual(want);
  });

  it('a changed re-export updates the order and replaces its lines; undo puts the old order back', async () => {
    const first = await orders(csv('v1.csv', ['C-1,2026-05-01,e@example.com,pending,30.00,,Beans,1,30.00,']));
    const before = rows(
      t,
      'SELECT o.status, o.total_minor, l.name, l.quantity, l.import_job_id FROM orders o JOIN order_lines l ON l.order_id = o.id',
    );
    const second = await orders(
      csv('v2.csv', [
        'C-1,2026-05-01,e@example.com,paid,45.00,,Beans,1,30.00,',
        'C-1,2026-05-01,e@example.com,,,,Mug,1,15.00,',
        'C-2,2026-05-02,f@example.com,paid,10.00,,Filter,1,10.00,',
      ]),
    );
    expect(second).toMatchObject({ inserted: 1, updated: 1 });
    expect(
      rows(
        t,
        `SELECT l.name FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = 'C-1' ORDER BY l.position`,
      ),
    ).toEqual([{ name: 'Beans' }, { name: 'Mug' }]);
    undoJob(t.core.ctx.sqlite, second.id, t.core.ctx.nowIso);
    expect(
      rows(
        t,
        'SELECT o.status, o.total_minor, l.name, l.quantity, l.import_job_id FROM orders o JOIN order_lines l ON l.order_id = o.id',
      ),
    ).toEqual(before);
    expect(count(t, 'orders')).toBe(1);
    expect(one(t, 'SELECT import_job_id FROM orders').import_job_id).toBe(first.id);
    // Importing the same file again changes nothing.
    const again = await orders(
      files.write('v1-again.csv', `${HEADER}\nC-1,2026-05-01,e@example.com,pending,30.00,,Beans,1,30.00,\n`),
    );
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('reports an order whose rows have a bad value as errors, and imports the rest', async () => {
    const job = await orders(
      csv('bad.csv', [
        'D-1,2026-06-01,g@example.com,paid,abc,,Beans,1,10.00,',
        'D-1,2026-06-01,g@example.com,,,,Mug,x,5.00,',
        'D-2,not a date,h@example.com,paid,10.00,,Beans,1,10.00,',
        'D-3,2026-06-03,i@example.com,paid,10.00,,Beans,1,10.00,',
      ]),
    );
    expect(job).toMatchObject({ inserted: 1, error_count: 3 });
    expect(rows(t, 'SELECT row, column FROM import_row_errors ORDER BY row')).toEqual([
      { row: 2, column: 'Total' },
      { row: 3, column: 'Qty' },
      { row: 4, column: 'Date' },
    ]);
  });
});
