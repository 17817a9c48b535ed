import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { uuidv7 } from '../src/main/core/db/ids';
import { createCore } from '../src/main/core/app';
import { createRandom } from '../src/main/core/demo/random';
import { atLeast, atMost, median, type Figure } from './figure';

const ROOT = resolve(import.meta.dirname, '..');
const CONTACTS = 100_000;
const RUNS = 3;

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jo'];
const LAST = ['Baker', 'Ng', 'Østergaard', "O'Neil", 'Silva', 'Young', 'Dubois', 'Shah', 'Park', 'Lund'];
const CITY = ['Portland', 'Bangor', 'Bar Harbor', 'Boston', 'Providence', 'Hartford'];
const NOTES = ['', '', 'Met at the fair, wants samples', '=SUM(A1:A3) typed by mistake', 'Call back, "busy"'];

/** 100k contacts (a fifth with a company, some notes with commas, quotes and formulas) on a migrated file. */
async function database(dir: string): Promise<string> {
  const file = join(dir, 'export-bench.sqlite');
  const core = await createCore(file);
  const sqlite = core.ctx.sqlite;
  const rnd = createRandom(20261015);
  const now = '2026-10-15T12:00:00.000Z';
  sqlite.exec('BEGIN IMMEDIATE');
  const companies: string[] = [];
  const insCompany = sqlite.prepare(
    'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < 2000; i++) {
    const id = uuidv7();
    insCompany.run(id, `Company ${i}, Inc.`, `company ${i}`, now, now);
    companies.push(id);
  }
  const insContact = sqlite.prepare(
    `INSERT INTO contacts (id, company_id, first_name, last_name, email, email_key, phone, phone_key, title, city,
       region, country, lifecycle, notes, owner, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Maine', 'United States', ?, ?, 'Sam', ?, ?)`,
  );
  for (let i = 0; i < CONTACTS; i++) {
    const email = `person${i}@example.com`;
    const created = new Date(Date.parse(now) - rnd.int(0, 365 * 86_400_000)).toISOString();
    insContact.run(
      uuidv7(),
      i % 5 === 0 ? rnd.pick(companies) : null,
      rnd.pick(FIRST),
      rnd.pick(LAST),
      email,
      email,
      `+1 207-555-${String(i % 10_000).padStart(4, '0')}`,
      `1207555${String(i % 10_000).padStart(4, '0')}`,
      i % 3 === 0 ? 'Owner' : '',
      rnd.pick(CITY),
      i % 4 === 0 ? 'customer' : 'lead',
      rnd.pick(NOTES),
      created,
      created,
    );
  }
  sqlite.exec('COMMIT');
  core.close();
  return file;
}

/**
 * A CSV of 100k contacts through `exports.csv`, each run in a fresh process (RSS is the export's own):
 * seconds, megabytes written per second, and the process's peak RSS.
 */
export async function benchExports(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-export-'));
  try {
    const db = await database(dir);
    const runs: { ms: number; rows: number; bytes: number; rssMb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const out = join(dir, `contacts-${i}.csv`);
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/export-child.ts'), db, out],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 10 * 60_000,
        },
      );
      if (child.status !== 0) throw new Error(`bench export-child failed: ${child.stderr}`);
      const run = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as (typeof runs)[number];
      if (run.rows !== CONTACTS) throw new Error(`bench export wrote ${run.rows} rows, not ${CONTACTS}`);
      runs.push(run);
      rmSync(out, { force: true });
    }
    const seconds = median(runs.map((r) => r.ms / 1000));
    const megabytes = (runs[0]?.bytes ?? 0) / 1024 / 1024;
    return [
      atMost('export.contacts_100k_s', seconds, 's', null),
      atLeast('export.contacts_100k_mb_per_s', megabytes / seconds, 'MB/s', null),
      atMost('export.contacts_100k_rss_mb', Math.max(...runs.map((r) => r.rssMb)), 'MB', null),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
