import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process with its own connection, committing one row per transaction until it is stopped. */
function startWriter(file: string): ChildProcess {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 10000');
    const insert = db.prepare('INSERT INTO load_rows (payload) VALUES (?)');
    const payload = 'x'.repeat(200);
    let n = 0;
    const write = db.transaction(() => insert.run(payload));
    for (;;) {
      write.immediate();
      if (++n === 50) process.stdout.write('writing\\n');
    }`;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

let t: TestCore;
let writer: ChildProcess | null = null;
beforeEach(async () => {
  t = await createTestCore();
  const sqlite = t.core.connection.sqlite;
  sqlite.exec('CREATE TABLE load_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  // A database of some megabytes, so the copy takes a while and the writer commits all through it.
  const fill = sqlite.prepare('INSERT INTO load_rows (payload) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 40_000; i++) fill.run('y'.repeat(200));
  })();
});
afterEach(async () => {
  if (writer && writer.exitCode === null) {
    const gone = new Promise((resolve) => writer?.once('exit', resolve));
    writer.kill();
    await gone;
  }
  writer = null;
  t.dispose();
});

const maxId = (db: Database.Database) =>
  (db.prepare('SELECT max(id) AS n FROM load_rows').get() as { n: number }).n;

describe('a backup under write load', () => {
  it('opens, passes integrity_check and holds every row committed before it began', async () => {
    writer = startWriter(t.file);
    await new Promise((resolve) => writer?.stdout?.once('data', resolve));
    const live = t.core.connection.sqlite;
    for (let round = 0; round < 3; round++) {
      const committed = maxId(live);
      const out = join(t.dir, `under-load-${round}.sqlite`);
      const answer = await t.client.call('system.backup', { path: out });
      const after = maxId(live);
      const copy = new Database(out, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const held = maxId(copy);
        expect(held).toBeGreaterThanOrEqual(committed);
        // Every row up to the last one it holds, none missing: one consistent snapshot.
        expect(
          (copy.prepare('SELECT count(*) AS n FROM load_rows WHERE id <= ?').get(held) as { n: number }).n,
        ).toBe(held);
        expect(answer.counts.load_rows).toBe(held);
      } finally {
        copy.close();
      }
      // The other process went on writing while the copy was taken.
      expect(after).toBeGreaterThan(committed);
    }
  }, 120_000);

  it('a restore while the other process writes refuses, or completes verified', async () => {
    const out = join(t.dir, 'saved.sqlite');
    const saved = await t.client.call('system.backup', { path: out });
    writer = startWriter(t.file);
    await new Promise((resolve) => writer?.stdout?.once('data', resolve));
    const outcome = await t.client.call('system.restore', { path: out }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: error as Error }),
    );
    const live = t.core.connection.sqlite;
    if (outcome.ok) expect(outcome.value.counts).toEqual(saved.counts);
    else {
      expect(outcome.error.message).toContain('Another program is using');
      expect(outcome.error.message).toContain('Nothing was changed');
      expect(maxId(live)).toBeGreaterThan(saved.counts.load_rows ?? 0);
    }
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);
});
