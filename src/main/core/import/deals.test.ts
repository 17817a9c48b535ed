import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../testing';
import { outcomeOf } from './build/deals';
import { count, importInto, rows } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const MAPPING = {
  'Record ID': 'externalId',
  'Deal Name': 'title',
  'Deal Stage': 'stage',
  Amount: 'value',
  Currency: 'currency',
  'Create Date': 'createdAt',
};
const deals = (name: string, lines: string[]) =>
  importInto(
    t,
    files.write(
      name,
      `${['Record ID,Deal Name,Deal Stage,Amount,Currency,Create Date', ...lines].join('\n')}\n`,
    ),
    { kind: 'deals', mapping: MAPPING },
  );

describe('deal outcomes as CRMs word them', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['Closed-Won', 'won'],
    ['Closed won (Wholesale)', 'won'],
    ['Won', 'won'],
    ['Closed Lost', 'lost'],
    ['Closed-Lost to Competition', 'lost'],
    ['Lost - no budget', 'lost'],
    ['closed_lost', 'lost'],
  ] as const)('reads the stage %j as %s', (stage, outcome) => {
    expect(outcomeOf('', stage)).toBe(outcome);
  });

  it('does not take a stage that only starts like an outcome for one', () => {
    expect(outcomeOf('', "Won't buy this year")).toBe('open');
    expect(outcomeOf('', 'Lostwax casting demo')).toBe('open');
  });

  it('closes imported deals whose stage names a pipeline after the outcome', async () => {
    const job = await deals('hubspot.csv', [
      '11,Wholesale order,Closed won (Wholesale),1200,USD,2026-03-02',
      '12,Cafe supply,Closed-Lost to Competition,800,USD,2026-03-03',
      '13,Office beans,Appointment scheduled,300,USD,2026-03-04',
    ]);
    expect(job).toMatchObject({ status: 'done', inserted: 3, error_count: 0 });
    expect(
      rows(
        t,
        `SELECT l.title, s.outcome, l.closed_at IS NOT NULL AS closed FROM leads l
         JOIN pipeline_stages s ON s.id = l.stage_id ORDER BY l.title`,
      ),
    ).toEqual([
      { title: 'Cafe supply', outcome: 'lost', closed: 1 },
      { title: 'Office beans', outcome: 'open', closed: 0 },
      { title: 'Wholesale order', outcome: 'won', closed: 1 },
    ]);
  });
});

describe('deal values in another currency', () => {
  it('refuses a deal valued in a currency other than the workspace’s, naming both', async () => {
    const job = await deals('currencies.csv', [
      '21,Berlin roastery,Qualified,8000,EUR,2026-03-02',
      '22,Tokyo cafe,Qualified,1000000,JPY,2026-03-03',
      '23,Boston bakery,Qualified,1500,USD,2026-03-04',
      '24,Free sample,Qualified,,EUR,2026-03-05',
    ]);
    expect(job).toMatchObject({ status: 'done', inserted: 2, error_count: 2 });
    expect(rows(t, 'SELECT title, value_minor FROM leads ORDER BY title')).toEqual([
      { title: 'Boston bakery', value_minor: 150000 },
      { title: 'Free sample', value_minor: 0 },
    ]);
    const errors = rows<{ row: number; column: string; message: string }>(
      t,
      `SELECT row, "column", message FROM import_row_errors WHERE job_id = ? ORDER BY row`,
      job.id,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Amount'],
      [3, 'Amount'],
    ]);
    expect(errors[0]?.message).toMatch(/in EUR, but deal values are kept in USD/);
  });
});

describe("a deal's close date", () => {
  it("is an open deal's expected close date, and a closed deal's close", async () => {
    const job = await importInto(
      t,
      files.write(
        'close.csv',
        'Record ID,Deal Name,Deal Stage,Close Date\n' +
          'D-1,Open one,Appointment Scheduled,2026-12-20 23:30\n' +
          'D-2,Won one,Closed Won,2026-11-02 10:00\n' +
          'D-3,Open undated,Appointment Scheduled,\n',
      ),
      {
        kind: 'deals',
        mapping: {
          'Record ID': 'externalId',
          'Deal Name': 'title',
          'Deal Stage': 'stage',
          'Close Date': 'closedAt',
        },
        options: { timeZone: 'America/New_York' },
      },
    );
    expect(job).toMatchObject({ inserted: 3, error_count: 0 });
    expect(
      rows(t, 'SELECT external_id, expected_close_date, closed_at FROM leads ORDER BY external_id'),
    ).toEqual([
      // Read in the job's zone: 23:30 in New York is the 20th there, the 21st in UTC.
      { external_id: 'import:D-1', expected_close_date: '2026-12-20', closed_at: null },
      { external_id: 'import:D-2', expected_close_date: null, closed_at: '2026-11-02T15:00:00.000Z' },
      { external_id: 'import:D-3', expected_close_date: null, closed_at: null },
    ]);
  });
});

describe('a deal whose person has a name but no e-mail or phone', () => {
  const PEOPLE = {
    'Deal ID': 'externalId',
    Title: 'title',
    Stage: 'stage',
    Person: 'contactName',
    Organization: 'company',
  };
  const file = files.write(
    'pipedrive-people.csv',
    'Deal ID,Title,Stage,Person,Organization\n' +
      '41,Spring order,Qualified,Ann Able,Harbor Cafe\n' +
      '42,Summer order,Qualified,ann able,Harbor Cafe\n' +
      '43,Market stall,Qualified,Ann Able,Dock Market\n' +
      '44,Walk-in,Qualified,,\n',
  );
  const people = () =>
    rows(
      t,
      `SELECT l.external_id AS deal, c.first_name AS first, c.last_name AS last, co.name AS company
       FROM leads l LEFT JOIN contacts c ON c.id = l.contact_id LEFT JOIN companies co ON co.id = c.company_id
       ORDER BY l.external_id`,
    );

  it('keeps the person: one contact per name and company in the file, none for a deal without a name', async () => {
    const job = await importInto(t, file, { kind: 'deals', mapping: PEOPLE });
    expect(job).toMatchObject({ status: 'done', inserted: 4, error_count: 0 });
    expect(people()).toEqual([
      { deal: 'import:41', first: 'Ann', last: 'Able', company: 'Harbor Cafe' },
      { deal: 'import:42', first: 'Ann', last: 'Able', company: 'Harbor Cafe' },
      { deal: 'import:43', first: 'Ann', last: 'Able', company: 'Dock Market' },
      { deal: 'import:44', first: null, last: null, company: null },
    ]);
    expect(count(t, 'contacts')).toBe(2);
  });

  it('never joins a name to a contact made elsewhere, and a re-import makes no one new', async () => {
    await importInto(
      t,
      files.write('ann.csv', 'First Name,Last Name,Email,Company\nAnn,Able,ann@harbor.example,Harbor Cafe\n'),
      { kind: 'contacts' },
    );
    await importInto(t, file, { kind: 'deals', mapping: PEOPLE });
    expect(count(t, 'contacts')).toBe(3);
    const before = people();
    const again = await importInto(t, file, { kind: 'deals', mapping: PEOPLE });
    expect(again).toMatchObject({ status: 'done', error_count: 0 });
    expect(count(t, 'contacts')).toBe(3);
    expect(people()).toEqual(before);
    expect(count(t, 'contacts', "email_key IS NULL AND first_name = 'Ann'")).toBe(2);
  });
});
