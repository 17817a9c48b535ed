import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing';
import { deferIndexes, deferrableIndexes, restoreIndexes } from './job/deferred-indexes';
import { recoverJobs } from './job/recover';
import { createJob } from './job/store';
import { runJob } from './job/runner';
import { createImportJob } from './service';
import { importInto, MAINE, one, rows, sample } from './testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

const indexes = () =>
  rows<{ name: string; sql: string }>(
    t,
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NOT NULL ORDER BY name`,
  );

function newJob(): string {
  const options = { timeZone: MAINE, currency: 'USD', source: 'file' };
  const input = {
    fileName: 'big.csv',
    fileSize: 1,
    filePath: '/nowhere/big.csv',
    kind: 'contacts' as const,
    preset: null,
    mapping: {},
    options,
  };
  return createJob(t.core.ctx.sqlite, input, t.core.ctx.nowIso());
}

describe('indexes a large import builds at its end', () => {
  it('are dropped with their definitions kept on the job, then built again exactly as they were', () => {
    const before = indexes();
    const job = newJob();
    deferIndexes(t.core.ctx.sqlite, job, deferrableIndexes('contacts'));
    expect(indexes().map((i) => i.name)).toEqual(['contacts_email_key_idx', 'contacts_phone_key_idx']);
    const kept = JSON.parse(
      one<{ d: string }>(
        t,
        `SELECT json_extract(options, '$.deferredIndexes') AS d FROM import_jobs WHERE id = ?`,
        job,
      ).d,
    ) as { name: string }[];
    expect(kept.map((k) => k.name)).toEqual([
      'contacts_company_idx',
      'contacts_created_idx',
      'contacts_name_idx',
      'contacts_sort_name_idx',
      'contacts_touch_idx',
    ]);
    // The job's other options are untouched.
    expect(
      one<{ z: string }>(
        t,
        `SELECT json_extract(options, '$.timeZone') AS z FROM import_jobs WHERE id = ?`,
        job,
      ).z,
    ).toBe(MAINE);

    restoreIndexes(t.core.ctx.sqlite, job);
    expect(indexes().map((i) => i.name)).toEqual(before.map((i) => i.name));
    expect(
      one<{ d: string | null }>(
        t,
        `SELECT json_extract(options, '$.deferredIndexes') AS d FROM import_jobs WHERE id = ?`,
        job,
      ).d,
    ).toBeNull();
    restoreIndexes(t.core.ctx.sqlite, job);
    expect(indexes().length).toBe(before.length);
  });

  it('leave indexes another job already took off to that job', () => {
    const first = newJob();
    const second = newJob();
    deferIndexes(t.core.ctx.sqlite, first, deferrableIndexes('contacts'));
    deferIndexes(t.core.ctx.sqlite, second, deferrableIndexes('contacts'));
    restoreIndexes(t.core.ctx.sqlite, second);
    expect(indexes().length).toBe(2);
    restoreIndexes(t.core.ctx.sqlite, first);
    expect(indexes().length).toBe(7);
  });

  it('are built again when a job that took them off is found interrupted', () => {
    const job = newJob();
    t.core.ctx.sqlite
      .prepare(`UPDATE import_jobs SET status = 'running', worker_pid = NULL WHERE id = ?`)
      .run(job);
    deferIndexes(t.core.ctx.sqlite, job, deferrableIndexes('contacts'));
    expect(recoverJobs(t.core.ctx.sqlite, () => false, t.core.ctx.nowIso)).toEqual([job]);
    expect(indexes().length).toBe(7);
  });
});

describe('a large orders import', () => {
  const orderIndexes = () =>
    rows<{ name: string; sql: string }>(
      t,
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name`,
    );

  it('keeps only the natural key while it runs and ends with the same orders and indexes as a small one', async () => {
    const before = orderIndexes();
    const during: string[][] = [];
    const large = await importInto(
      t,
      sample('shopify-orders.csv'),
      {},
      { largeFrom: 0, batchSize: 50, onProgress: () => during.push(orderIndexes().map((i) => i.name)) },
    );
    expect(during[0]).toEqual(['orders_natural_idx']);
    expect(orderIndexes()).toEqual(before);
    const imported = rows(t, 'SELECT * FROM orders ORDER BY external_id');
    const small = await createTestCore();
    try {
      const id = await createImportJob(small.core.ctx, {
        path: sample('shopify-orders.csv'),
        options: { timeZone: MAINE },
      });
      await runJob(small.core.ctx.sqlite, id, { now: small.core.ctx.nowIso });
      const again = small.core.ctx.sqlite.prepare('SELECT * FROM orders ORDER BY external_id').all();
      // Ids and times are each database's own; everything the file said must agree.
      const comparable = (list: unknown[]) =>
        (list as Record<string, unknown>[]).map(
          ({ id: _, import_job_id: __, campaign_id: ___, created_at: ____, updated_at: _____, ...rest }) =>
            rest,
        );
      expect(comparable(imported)).toEqual(comparable(again));
      expect(large).toMatchObject({ status: 'done', inserted: imported.length, error_count: 0 });
    } finally {
      small.dispose();
    }
  });
});
