import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { writeContactsXlsx } from '@fixtures/import/xlsx-writer';
import { createTestCore, type TestCore } from '../../testing';
import { count, MAINE, one } from '../testing';
import { importManager } from './manager';

// The size of workbook that used to exhaust the worker's 128 MB heap while read-excel-file unpacked it.
const ROWS = 300_000;

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

describe('a large workbook through the import worker', () => {
  it('imports 300k contact rows within the worker heap cap', async () => {
    const path = join(files.dir, 'contacts-300k.xlsx');
    expect(await writeContactsXlsx(path, ROWS, 5)).toBe(ROWS);
    const started = await t.client.call('imports.start', {
      path,
      kind: 'contacts',
      options: { timeZone: MAINE },
    });
    const manager = importManager(t.core.ctx);
    expect(manager.mode).toBe('worker');
    await manager.idle();
    const job = await t.client.call('imports.get', { id: started.id });
    expect(job).toMatchObject({ status: 'done', rowsTotal: ROWS, errorCount: 0 });
    expect(job.inserted).toBeGreaterThan(ROWS * 0.95);
    expect(count(t, 'contacts')).toBe(job.inserted);
    // The first data row of the generator, its Created cell a date-time in the sheet.
    expect(
      one(t, `SELECT first_name, email_key FROM contacts WHERE email_key = 'ava.smith0@gmail.com'`),
    ).toEqual({ first_name: 'Ava', email_key: 'ava.smith0@gmail.com' });
  }, 600_000);
});
