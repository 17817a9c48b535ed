import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateContactsCsv } from '@fixtures/import/generate';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../../testing';
import { DEFER_INDEXES_BYTES } from '../job/deferred-indexes';
import { count, importInto, MAINE, one, rows } from '../testing';
import { importManager } from './manager';

// Large enough to take several batches and to defer the contact indexes: the slowest import path.
const ROWS = 50_000;

let t: TestCore;
const files = makeTempDir();
let big = '';
beforeEach(async () => {
  t = await createTestCore();
  if (!big) {
    big = join(files.dir, 'contacts-50k.csv');
    await generateContactsCsv(big, ROWS, 11);
  }
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('edits while the import worker writes', () => {
  it('every create and update succeeds, and the import ends with the counts of a quiet one', async () => {
    const quiet = await createTestCore();
    const reference = await importInto(quiet, big, { kind: 'contacts' });
    quiet.dispose();
    expect(reference.status).toBe('done');
    expect(reference.file_size).toBeGreaterThanOrEqual(DEFER_INDEXES_BYTES);

    const started = await t.client.call('imports.start', {
      path: big,
      kind: 'contacts',
      options: { timeZone: MAINE },
    });
    const manager = importManager(t.core.ctx);
    expect(manager.mode).toBe('worker');
    let finished = false;
    const idle = manager.idle().then(() => (finished = true));

    const failures: string[] = [];
    let edits = 0;
    let duringImport = 0;
    const attempt = async (what: string, call: () => Promise<unknown>) => {
      try {
        await call();
      } catch (error) {
        failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    for (let i = 0; !finished || i < 20; i++) {
      const running = !finished;
      const contact = await t.client
        .call('contacts.create', {
          firstName: 'Edit',
          lastName: `Person ${i}`,
          email: `edit-${i}@tandem.test`,
        })
        .catch((error: unknown) => {
          failures.push(`contacts.create: ${String(error)}`);
          return null;
        });
      if (contact) {
        await attempt('contacts.update', () =>
          t.client.call('contacts.update', { id: contact.id, patch: { city: `City ${i}` } }),
        );
        const lead = await t.client
          .call('leads.create', { title: `Deal ${i}`, contactId: contact.id, valueMinor: 1000 + i })
          .catch((error: unknown) => {
            failures.push(`leads.create: ${String(error)}`);
            return null;
          });
        if (lead)
          await attempt('leads.update', () =>
            t.client.call('leads.update', { id: lead.id, patch: { valueMinor: 2000 + i } }),
          );
      }
      edits++;
      if (running) duringImport++;
      await tick();
    }
    await idle;

    expect(failures).toEqual([]);
    expect(duringImport).toBeGreaterThan(5);
    const job = await t.client.call('imports.get', { id: started.id });
    expect(job).toMatchObject({
      status: 'done',
      rowsTotal: reference.rows_total,
      inserted: reference.inserted,
      updated: reference.updated,
      errorCount: reference.error_count,
    });
    expect(count(t, 'contacts', `email_key LIKE 'edit-%@tandem.test'`)).toBe(edits);
    expect(count(t, 'contacts')).toBe(reference.inserted + edits);
    expect(count(t, 'leads')).toBe(edits);
    expect(count(t, 'leads', 'value_minor >= 2000')).toBe(edits);
    expect(one(t, 'PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  }, 180_000);
});

describe("the import worker keeps the core's clock", () => {
  it('stamps the job and the rows it writes with the core\'s "now", not the machine\'s', async () => {
    const clocked = await createTestCore({ clock: testClock('2031-03-04T05:06:07Z') });
    try {
      const path = files.write(
        'two.csv',
        'Name,E-mail\nAda Lovelace,ada@example.com\nAlan Turing,alan@example.com\n',
      );
      const started = await clocked.client.call('imports.start', {
        path,
        kind: 'contacts',
        mapping: { Name: 'fullName', 'E-mail': 'email' },
      });
      const manager = importManager(clocked.core.ctx);
      expect(manager.mode).toBe('worker');
      await manager.idle();
      const stamps = [
        ...rows<{ at: string }>(clocked, 'SELECT created_at AS at FROM contacts'),
        ...rows<{ at: string }>(
          clocked,
          'SELECT started_at AS at FROM import_jobs UNION ALL SELECT finished_at FROM import_jobs',
        ),
      ].map((r) => r.at);
      expect(stamps).toHaveLength(4);
      // The worker's clock runs on from the core's instant: a few seconds at most on a slow machine.
      for (const at of stamps)
        expect(Date.parse(at) - Date.parse('2031-03-04T05:06:07Z')).toBeLessThan(60_000);
      expect(await clocked.client.call('imports.get', { id: started.id })).toMatchObject({ status: 'done' });
    } finally {
      clocked.dispose();
    }
  });
});
