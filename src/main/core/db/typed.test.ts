import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing';
import type { contacts, importJobs, planSegments } from './schema';
import { statement, type Row, type SqlRow } from './typed';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

describe('typed rows', () => {
  it('take their keys and types from the drizzle tables', () => {
    expectTypeOf<Row<typeof contacts, 'id' | 'companyId'>>().toEqualTypeOf<{
      id: string;
      companyId: string | null;
    }>();
    // SQLite has no booleans: raw SQL returns 0 or 1 where drizzle's builder would map to true/false.
    expectTypeOf<Row<typeof planSegments, 'isTarget'>>().toEqualTypeOf<{ isTarget: 0 | 1 }>();
    expectTypeOf<SqlRow<typeof importJobs, 'rows_done' | 'mapping'>>().toEqualTypeOf<{
      rows_done: number;
      mapping: string | null;
    }>();
    expectTypeOf<SqlRow<typeof importJobs>['status']>().toEqualTypeOf<Row<typeof importJobs>['status']>();
  });

  it('a statement returns the rows its declared type names', async () => {
    const created = await t.client.call('contacts.create', { firstName: 'Ada', email: 'ada@example.com' });
    const byEmail = statement<Row<typeof contacts, 'id' | 'companyId' | 'firstName'>, [string]>(
      'SELECT id, company_id AS companyId, first_name AS firstName FROM contacts WHERE email_key = ?',
    );
    expect(byEmail.get(t.core.ctx.sqlite, 'ada@example.com')).toEqual({
      id: created.id,
      companyId: null,
      firstName: 'Ada',
    });
    expect(byEmail.all(t.core.ctx.sqlite, 'nobody@example.com')).toEqual([]);
  });
});
