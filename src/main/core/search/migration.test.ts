import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../app';
import { openDatabase } from '../db/open';
import { testClock } from '../testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ID = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-09-01T10:00:00.000Z';

/** A database at schema 0000 (before the sales migrations) with a little of everything in it. */
async function populatedAtInitialSchema(file: string): Promise<void> {
  const connection = await openDatabase(file, { migrateUpTo: 1 });
  const { sqlite } = connection;
  sqlite.exec(`
    INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('${ID(1)}', 'Tidewater Cafe', 'tidewater cafe', '${AT}', '${AT}');
    INSERT INTO contacts (id, company_id, first_name, last_name, email, created_at, updated_at)
      VALUES ('${ID(2)}', '${ID(1)}', 'Aria', 'Dubois', 'aria@tidewater.cafe', '${AT}', '${AT}');
    INSERT INTO contacts (id, first_name, last_name, created_at, updated_at, deleted_at)
      VALUES ('${ID(3)}', 'Gone', 'Person', '${AT}', '${AT}', '${AT}');
    INSERT INTO pipeline_stages (id, name, position, probability, outcome, created_at, updated_at)
      VALUES ('${ID(4)}', 'New', 0, 10, 'open', '${AT}', '${AT}');
    INSERT INTO leads (id, title, contact_id, stage_id, created_at, updated_at)
      VALUES ('${ID(5)}', 'Espresso tasting', '${ID(2)}', '${ID(4)}', '${AT}', '${AT}');
    INSERT INTO activities (id, lead_id, contact_id, type, subject, notes, due_at, created_at, updated_at)
      VALUES ('${ID(6)}', '${ID(5)}', '${ID(2)}', 'call', 'Cupping follow-up', 'bring the grinder', '2026-09-03T00:00:00.000Z', '${AT}', '${AT}');
    INSERT INTO cadences (id, name, created_at, updated_at) VALUES ('${ID(7)}', 'Wholesale', '${AT}', '${AT}');
    INSERT INTO cadence_enrollments (id, cadence_id, lead_id, started_at, status, created_at, updated_at)
      VALUES ('${ID(8)}', '${ID(7)}', '${ID(5)}', '${AT}', 'active', '${AT}', '${AT}');
  `);
  connection.close();
}

describe('sales migrations on a populated database', () => {
  it('keeps every row and indexes the existing records for search', async () => {
    const file = join(dir, 'tandem.sqlite');
    await populatedAtInitialSchema(file);
    const core = await createCore(file, {
      clock: testClock('2026-09-02T09:00:00Z'),
      checkOutput: true,
      backupDir: join(dir, 'backups'),
    });
    try {
      expect(core.connection.backupPath).not.toBeNull();
      const count = (table: string) =>
        (core.connection.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([
        count('companies'),
        count('contacts'),
        count('leads'),
        count('activities'),
        count('cadence_enrollments'),
      ]).toEqual([1, 2, 1, 1, 1]);
      const search = async (text: string) => {
        const result = await core.dispatch('search.query', { text });
        return result.ok
          ? (result.value as { kind: string; title: string }[]).map((h) => `${h.kind}:${h.title}`)
          : result;
      };
      expect(await search('tidew')).toEqual(['company:Tidewater Cafe', 'contact:Aria Dubois']);
      expect(await search('tast')).toEqual(['lead:Espresso tasting']);
      expect(await search('grind')).toEqual(['activity:Cupping follow-up']);
      expect(await search('gone')).toEqual([]);
      // The enrolment from before the migration reads its start day from when it started.
      const enrollments = await core.dispatch('cadences.enrollments', { leadId: ID(5) });
      expect(enrollments).toMatchObject({ ok: true, value: [{ startDate: '2026-09-01', stepsTotal: 0 }] });
      // New rows are indexed by the triggers, after the backfilled ones.
      await core.dispatch('contacts.create', { firstName: 'Tide', lastName: 'Newcomer' });
      // A whole-word match ranks before prefix matches.
      expect(await search('tide')).toEqual([
        'contact:Tide Newcomer',
        'company:Tidewater Cafe',
        'contact:Aria Dubois',
      ]);
      expect(core.connection.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      core.close();
    }
  });
});
