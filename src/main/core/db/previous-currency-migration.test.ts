import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that adds previous_currency, by its place in the journal. */
const PREVIOUS_CURRENCY =
  migrations.findIndex((m) => m.sql.some((s) => s.includes('`previous_currency`'))) + 1;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-previous-currency-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the previous-currency migration', () => {
  it('keeps the workspace settings and starts with nothing to switch back to', async () => {
    expect(PREVIOUS_CURRENCY).toBeGreaterThan(0);
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: PREVIOUS_CURRENCY - 1 });
    const at = '2026-05-05T09:00:00.000Z';
    before.sqlite
      .prepare(
        `INSERT INTO workspace_settings (id, business_name, currency, locale, fiscal_year_start_month, week_start,
           created_at, updated_at) VALUES ('workspace', 'Blau', 'EUR', 'de-DE', 1, 1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET business_name = 'Blau', currency = 'EUR'`,
      )
      .run(at, at);
    const rows = before.sqlite.prepare('SELECT count(*) FROM workspace_settings').pluck().get();
    before.close();

    const after = await openDatabase(file, { migrateUpTo: PREVIOUS_CURRENCY });
    expect(after.sqlite.prepare('SELECT count(*) FROM workspace_settings').pluck().get()).toBe(rows);
    expect(
      after.sqlite.prepare('SELECT business_name, currency, previous_currency FROM workspace_settings').get(),
    ).toEqual({ business_name: 'Blau', currency: 'EUR', previous_currency: null });
    after.close();
  });
});
