import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@fixtures/import/samples';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-import-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tandem(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TANDEM_DB: join(dir, 'default.sqlite'), TZ: 'America/New_York' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

interface ImportJson {
  status: string;
  kind: string;
  preset: string | null;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  errors: { row: number; column: string | null; message: string }[];
}

function counts(db: string): Record<string, number> {
  const sqlite = new Database(db, { readonly: true });
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  const out = Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
  sqlite.close();
  return out;
}

// File → [kind, preset, rows, inserted, skipped] on an empty database, in this order.
const SAMPLES: [string, string, string, number, number, number][] = [
  ['hubspot-contacts.csv', 'contacts', 'hubspot-contacts', 376, 376, 0],
  ['google-contacts.csv', 'contacts', 'google-contacts', 90, 3, 0],
  ['pipedrive-deals.csv', 'deals', 'pipedrive-deals', 65, 65, 0],
  ['shopify-orders.csv', 'orders', 'shopify-orders', 541, 337, 0],
  ['stripe-payments.csv', 'payments', 'stripe-payments', 215, 214, 1],
  ['ga4-traffic-daily.csv', 'metrics', 'ga4-traffic', 1986, 1986, 0],
  ['ga4-pages-daily.csv', 'metrics', 'ga4-pages', 2730, 2730, 0],
  ['mailchimp-campaigns.csv', 'metrics', 'mailchimp-campaigns', 14, 14, 0],
  ['meta-ads.csv', 'metrics', 'meta-ads', 101, 100, 1],
  ['linkedin-page-analytics.xlsx', 'metrics', 'linkedin-page-metrics', 273, 273, 0],
];

// Each test starts the command line several times, each a new Node process: on a busy machine that takes
// seconds a run.
describe('tandem import', { timeout: 120_000 }, () => {
  it('imports every sample through its preset with no row errors, and a second time inserts nothing', () => {
    const db = join(dir, 'samples.sqlite');
    for (const [file, kind, preset, rows, inserted, skipped] of SAMPLES) {
      const first = tandem('--db', db, 'import', join(SAMPLES_DIR, file), '--json');
      expect({ file, code: first.code, err: first.err }).toEqual({ file, code: 0, err: '' });
      const json = JSON.parse(first.out) as ImportJson;
      expect(json).toMatchObject({ status: 'done', kind, preset, rows, inserted, skipped, errors: [] });
      // Google's people are mostly HubSpot's, merged into them.
      expect(
        json.inserted +
          json.updated +
          json.skipped +
          ((json as unknown as { unchanged: number }).unchanged ?? 0),
      ).toBe(kind === 'orders' ? 337 : rows);
    }
    for (const [file, kind, preset, rows] of SAMPLES) {
      const again = tandem('--db', db, 'import', join(SAMPLES_DIR, file), '--json');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({
        status: 'done',
        kind,
        preset,
        rows,
        inserted: 0,
        updated: 0,
        errors: [],
      });
    }
  });

  it('prints a summary with new campaigns and notes in text mode', () => {
    const { code, out } = tandem(
      '--db',
      join(dir, 'text.sqlite'),
      'import',
      join(SAMPLES_DIR, 'stripe-payments.csv'),
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'stripe-payments.csv (Stripe payments): done. 215 rows: 214 new, 0 updated, 0 unchanged, 1 skipped, 0 with errors.',
    );
    expect(out).toMatch(/note, row 82: incomplete payment attempt/);
    expect(out).toMatch(/New draft campaigns: .*Spring newsletter \(spring-newsletter\)/);
  });

  it("prints the job's note on how it read what the file left open", () => {
    const file = join(dir, 'whole-amounts.csv');
    writeFileSync(
      file,
      'Order,Date,Email,Total,Product\nW-1,2026-04-01,a@example.com,1.250,Beans\nW-2,2026-04-02,b@example.com,2.000,Tea\n',
    );
    const { code, out } = tandem('--db', join(dir, 'note.sqlite'), 'import', file, '--as', 'orders');
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}note: Every amount in "Total" reads both ways .*\(en-US\)/m);
  });

  it('prints the columns a generic file was read by and those it left out, and takes --map to change them', () => {
    const file = join(dir, 'outlook.csv');
    writeFileSync(
      file,
      'Title,First Name,Last Name,Job Title,Contact Number,Fax\nMs.,Ada,Lovelace,Analyst,+44 20 7946 0958,\n',
    );
    const db = join(dir, 'map.sqlite');
    const guessed = tandem('--db', db, 'import', file, '--as', 'contacts');
    // Nothing in the file is guessed as an e-mail or phone: the job is refused, the database unchanged.
    expect(guessed.code).toBe(1);
    expect(guessed.err).toContain('Map a column to E-mail or Phone.');

    const mapped = tandem('--db', db, 'import', file, '--as', 'contacts', '--map', 'Contact Number=phone');
    expect(mapped.code).toBe(0);
    expect(mapped.out).toContain(
      'columns read: First Name → First name, Last Name → Last name, Job Title → Job title, Contact Number → Phone',
    );
    expect(mapped.out).toContain('columns left out: Title, Fax');
    const contact = new Database(db, { readonly: true })
      .prepare('SELECT first_name, title, phone FROM contacts')
      .all();
    expect(contact).toEqual([{ first_name: 'Ada', title: 'Analyst', phone: '+44 20 7946 0958' }]);

    // A field given to another column leaves the one that had it; an empty field leaves a column out.
    const json = tandem(
      '--db',
      join(dir, 'map2.sqlite'),
      'import',
      file,
      '--as',
      'contacts',
      '--map',
      'Contact Number=phone',
      '--map',
      'Title=title',
      '--map',
      'Last Name=',
      '--json',
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      mapping: { 'First Name': 'firstName', Title: 'title', 'Contact Number': 'phone' },
      leftOut: ['Last Name', 'Job Title', 'Fax'],
    });

    expect(tandem('--db', db, 'import', file, '--as', 'contacts', '--map', 'Mobile=phone')).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        'the file has no column "Mobile" (--map); its columns are "Title", "First Name"',
      ),
    });
    expect(tandem('--db', db, 'import', file, '--map', 'phone')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--map takes COLUMN=FIELD'),
    });
    expect(tandem('--db', db, 'import', file, '--decimal-separator', ';')).toMatchObject({ code: 2 });
  });

  it('--map reads a recognised export as a generic one of its kind; --map needs --as for an unknown layout', () => {
    const db = join(dir, 'map-preset.sqlite');
    const google = join(SAMPLES_DIR, 'google-contacts.csv');
    expect(
      tandem('--db', db, 'import', google, '--preset', 'google-contacts', '--map', 'Notes='),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--map and --preset cannot be combined') });
    const unknown = join(dir, 'unknown-map.csv');
    writeFileSync(unknown, 'Foo,Bar\nann@example.com,2\n');
    expect(tandem('--db', db, 'import', unknown, '--map', 'Foo=email')).toMatchObject({
      code: 2,
      err: expect.stringContaining('say what the file holds with --as KIND'),
    });
    expect(counts(db).contacts).toBe(0);
    // The kind comes from the recognised layout, the columns from what its preset maps to plain fields.
    const run = tandem('--db', db, 'import', google, '--map', 'Notes=', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as ImportJson & { mapping: Record<string, string>; leftOut: string[] };
    expect(out).toMatchObject({ status: 'done', kind: 'contacts', preset: null, errors: [] });
    expect(out.mapping).toMatchObject({ 'First Name': 'firstName', 'E-mail 1 - Value': 'email' });
    expect(out.leftOut).toContain('Notes');
    expect(counts(db).contacts).toBeGreaterThan(0);
  });

  it('--decimal-separator , reads amounts a comma-decimal shop wrote, which would otherwise take the locale', () => {
    const file = join(dir, 'orders-comma.csv');
    writeFileSync(
      file,
      'Order ID,Date,Email,Total\nA-1,2026-03-02,ann@example.com,1.250\nA-2,2026-03-03,bo@example.com,12.500\n',
    );
    const totals = (db: string) =>
      new Database(db, { readonly: true })
        .prepare('SELECT total_minor AS t FROM orders ORDER BY external_id')
        .all();
    const comma = join(dir, 'comma.sqlite');
    expect(tandem('--db', comma, 'import', file, '--as', 'orders', '--decimal-separator', ',').code).toBe(0);
    expect(totals(comma)).toEqual([{ t: 125_000 }, { t: 1_250_000 }]);
    // Without it, amounts that read both ways take the workspace locale's (en-US: a decimal point).
    const point = join(dir, 'point.sqlite');
    expect(tandem('--db', point, 'import', file, '--as', 'orders').code).toBe(0);
    expect(totals(point)).toEqual([{ t: 125 }, { t: 1250 }]);
  });

  it('rejects a file that cannot be read with exit 1, the reason on stderr, and the database unchanged', () => {
    const db = join(dir, 'keep.sqlite');
    expect(tandem('--db', db, 'import', join(SAMPLES_DIR, 'mailchimp-campaigns.csv')).code).toBe(0);
    const before = counts(db);
    const png = join(dir, 'logo.csv');
    writeFileSync(
      png,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    expect(tandem('--db', db, 'import', png, '--json')).toMatchObject({
      code: 1,
      out: '',
      err: expect.stringContaining('logo.csv: this is not a CSV, TSV or Excel file'),
    });
    expect(tandem('--db', db, 'import', join(dir, 'nope.csv'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('could not be found'),
    });
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, 'Foo,Bar\n1,2\n');
    expect(tandem('--db', db, 'import', unknown)).toMatchObject({
      code: 1,
      err: expect.stringContaining('--as contacts, deals, orders, payments or metrics'),
    });
    expect(tandem('--db', db, 'import', unknown, '--as', 'contacts')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Map a column to E-mail or Phone.'),
    });
    expect(
      tandem('--db', db, 'import', join(SAMPLES_DIR, 'meta-ads.csv'), '--preset', 'shopify-orders'),
    ).toMatchObject({ code: 1, err: expect.stringContaining('is not a Shopify orders export') });
    expect(counts(db)).toEqual(before);
    expect(tandem('--db', db, 'import', unknown, '--as', 'leads')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--as must be one of'),
    });
  });

  it('imports a generic file with --as and the mapping guessed from its header', () => {
    const file = join(dir, 'people.csv');
    writeFileSync(
      file,
      'First Name,Last Name,Email,Phone\nAda,Lovelace,ada@example.com,+44 20 7946 0958\nBad,Row,,\n',
    );
    const run = tandem('--db', join(dir, 'generic.sqlite'), 'import', file, '--as', 'contacts', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      status: 'done',
      kind: 'contacts',
      preset: null,
      rows: 2,
      inserted: 1,
      errors: [
        { row: 3, column: 'Email', message: expect.stringContaining('no e-mail address or phone number') },
      ],
    });
  });
});

describe('tandem inspect', { timeout: 120_000 }, () => {
  it('shows how a file would be read, as JSON, without opening or creating a database', () => {
    const db = join(dir, 'never-created.sqlite');
    const run = tandem('--db', db, 'inspect', join(SAMPLES_DIR, 'ga4-traffic-daily.csv'), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 10,
      preset: 'ga4-traffic',
      kind: 'metrics',
      records: 1986,
    });
    expect(Object.keys(json).slice(0, 8)).toEqual([
      'encoding',
      'delimiter',
      'headerLine',
      'preset',
      'kind',
      'columns',
      'records',
      'sample',
    ]);
    expect((json.sample as string[][])[0]).toEqual([
      '20260101',
      'Organic Search',
      '53',
      '37',
      '0.6981',
      '52.212',
      '5.943',
      '315',
      '0',
      '0',
    ]);
    expect(existsSync(db)).toBe(false);
  });

  it('reads a workbook and names an unknown layout; rejects unreadable files', () => {
    const xlsx = tandem('inspect', join(SAMPLES_DIR, 'linkedin-page-analytics.xlsx'));
    expect(xlsx.code).toBe(0);
    expect(xlsx.out).toContain('Excel workbook, sheet "Metrics" of 2; header on line 2; 273 records.');
    expect(xlsx.out).toContain('Recognised as LinkedIn Page analytics (Metrics sheet)');
    const posts = tandem(
      'inspect',
      join(SAMPLES_DIR, 'linkedin-page-analytics.xlsx'),
      '--sheet',
      'All posts',
      '--json',
    );
    expect(JSON.parse(posts.out)).toMatchObject({ preset: null, kind: null, records: 66 });
    expect(tandem('inspect', join(dir, 'missing.csv'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('could not be found'),
    });
  });

  it('is listed in --help with import', () => {
    const { out } = tandem('--help');
    expect(out).toMatch(/^ {2}import /m);
    expect(out).toMatch(/^ {2}inspect /m);
  });
});
