import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import { runCli } from '../../src/main/cli/main';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-export-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function tandem(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    now: () => new Date('2026-10-15T09:00:00Z'),
    readStdin: () => Promise.resolve(''),
  });
  return { code, out, err };
}

const dataLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\r\n')
    .filter((l) => l !== '')
    .slice(1);

describe('tandem export', () => {
  it('writes a list as CSV, narrowed to a period, and prints the rows written', async () => {
    const db = join(dir, 'shop.sqlite');
    const imported = await tandem('--db', db, 'import', join(SAMPLES_DIR, 'stripe-payments.csv'), '--json');
    expect(imported.code).toBe(0);
    const all = join(dir, 'payments.csv');
    const whole = await tandem('--db', db, 'export', 'payments', '--out', all);
    expect(whole.code).toBe(0);
    const rows = dataLines(all);
    expect(whole.out).toBe(`${rows.length} payments rows written to ${all}.\n`);
    expect(rows.length).toBeGreaterThan(5);

    const paidAt = rows.map((l) => l.split(',')[1] ?? '').sort();
    const from = paidAt[2]?.slice(0, 10) ?? '';
    const to = paidAt[paidAt.length - 3]?.slice(0, 10) ?? '';
    const inside = paidAt.filter((p) => p.slice(0, 10) >= from && p.slice(0, 10) <= to).length;
    const part = join(dir, 'part.csv');
    const narrowed = await tandem(
      '--db',
      db,
      'export',
      'payments',
      '--from',
      from,
      '--to',
      to,
      '--delimiter',
      'semicolon',
      '--encoding',
      'utf-8-no-bom',
      '--out',
      part,
      '--json',
    );
    expect(narrowed.code).toBe(0);
    expect(JSON.parse(narrowed.out)).toMatchObject({
      kind: 'payments',
      out: part,
      rows: inside,
      replaced: 0,
    });
    const text = readFileSync(part, 'utf8');
    expect(text.startsWith('Payment ID;Paid at;')).toBe(true);
    expect(dataLines(part)).toHaveLength(inside);
  });

  it('exports campaigns and spend that `tandem import` reads back into another database', async () => {
    const db = join(dir, 'source.sqlite');
    const campaign = await tandem(
      '--db',
      db,
      'call',
      'campaigns.create',
      JSON.stringify({
        name: '=Spring tasting',
        channel: 'event',
        objective: 'sales',
        status: 'active',
        startDate: '2026-04-01',
        endDate: '2026-04-30',
        budgetMinor: 125050,
        trackingCode: 'spring-tasting',
        keyMessage: '-5 apples for @x',
      }),
    );
    expect(campaign.code, campaign.err).toBe(0);
    const { id } = JSON.parse(campaign.out) as { id: string };
    const spend = await tandem(
      '--db',
      db,
      'call',
      'spend.create',
      JSON.stringify({ campaignId: id, date: '2026-04-03', amountMinor: 4999, note: '+stall fee' }),
    );
    expect(spend.code, spend.err).toBe(0);

    const target = join(dir, 'target.sqlite');
    for (const kind of ['campaigns', 'spend']) {
      const file = join(dir, `${kind}.csv`);
      const exported = await tandem('--db', db, 'export', kind, '--out', file);
      expect(exported.out).toBe(`1 ${kind} rows written to ${file}.\n`);
      const imported = await tandem('--db', target, 'import', file, '--json');
      expect(imported.code, imported.err).toBe(0);
      expect(JSON.parse(imported.out)).toMatchObject({
        kind,
        preset: `tandem-${kind}`,
        inserted: 1,
        errors: [],
        notes: [],
      });
    }
    const back = await tandem('--db', target, 'call', 'campaigns.list', '{}');
    expect(JSON.parse(back.out)).toMatchObject([
      {
        id,
        name: '=Spring tasting',
        channel: 'event',
        objective: 'sales',
        status: 'active',
        startDate: '2026-04-01',
        endDate: '2026-04-30',
        budgetMinor: 125050,
        spentMinor: 4999,
        trackingCode: 'spring-tasting',
        keyMessage: '-5 apples for @x',
      },
    ]);
    // A second import of the same file finds its record again instead of adding one.
    const again = await tandem('--db', target, 'import', join(dir, 'spend.csv'), '--json');
    expect(JSON.parse(again.out)).toMatchObject({ inserted: 0, unchanged: 1 });
  });

  it('exits 2 with the reason for bad usage', async () => {
    const db = join(dir, 'x.sqlite');
    const out = join(dir, 'x.csv');
    const cases: [string[], string][] = [
      [['export', '--out', out], 'name what to export'],
      [['export', 'widgets', '--out', out], '"widgets" is not a list Tandem exports'],
      [['export', 'contacts'], '--out is required'],
      [['export', 'contacts', '--from', '2026-02-30', '--to', '2026-03-01', '--out', out], 'must be a date'],
      [['export', 'contacts', '--from', '2026-03-01', '--out', out], 'give both --from and --to'],
      [
        ['export', 'contacts', '--from', '2026-03-02', '--to', '2026-03-01', '--out', out],
        'is before --from',
      ],
      [
        ['export', 'contacts', '--delimiter', 'pipe', '--out', out],
        '--delimiter must be comma, semicolon or tab',
      ],
      [['export', 'contacts', '--encoding', 'latin9', '--out', out], '--encoding must be one of'],
    ];
    for (const [args, message] of cases) {
      const result = await tandem('--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toContain(message);
    }
  });
});
