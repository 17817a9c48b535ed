import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { ApiError } from '@shared/contract/result';
import { createTestCore, type TestCore } from '../testing';
import { importInto, MAINE, rows, runFirstBatch } from '../import/testing';
import { runJob } from '../import/job/runner';
import { createImportJob } from '../import/service';
import { updateSettings } from '../settings/service';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const people = (name: string, lines: string[]) =>
  importInto(t, files.write(name, `${['Name,Phone', ...lines].join('\n')}\n`), {
    kind: 'contacts',
    mapping: { Name: 'fullName', Phone: 'phone' },
  });

describe("phone numbers written without a calling code take the workspace locale's", () => {
  it('in a German workspace, 030 1234567 and +49 30 1234567 are one person', async () => {
    await t.client.call('settings.update', { locale: 'de-DE' });
    const job = await people('de.csv', ['Jana Schulz,030 1234567', 'Jana Schulz,+49 30 1234567']);
    expect(job).toMatchObject({ inserted: 1, error_count: 0 });
    expect(rows(t, 'SELECT phone, phone_key FROM contacts')).toEqual([
      { phone: '030 1234567', phone_key: '+49301234567' },
    ]);
    // The contact form warns of the same person, whichever way the number is typed.
    const typed = await t.client.call('contacts.create', { firstName: 'J.', phone: '+49 (0)30 1234567' });
    expect(typed.duplicates).toHaveLength(1);
  });

  it('re-keys the national numbers already kept when the locale moves to another country', async () => {
    await people('us.csv', ['Ann Able,(617) 555-0100', 'Jana Schulz,030 1234567', 'Bo Bell,+1 617 555 0111']);
    expect(rows(t, 'SELECT phone_key FROM contacts ORDER BY phone_key')).toEqual([
      { phone_key: '+10301234567' },
      { phone_key: '+16175550100' },
      { phone_key: '+16175550111' },
    ]);
    await t.client.call('settings.update', { locale: 'de-DE' });
    expect(rows(t, 'SELECT phone, phone_key FROM contacts ORDER BY phone')).toEqual([
      { phone: '(617) 555-0100', phone_key: '+496175550100' },
      { phone: '+1 617 555 0111', phone_key: '+16175550111' },
      { phone: '030 1234567', phone_key: '+49301234567' },
    ]);
    const job = await people('de.csv', ['Jana Schulz,+49 30 1234567']);
    expect(job).toMatchObject({ inserted: 0 });
    // Saving the same locale again changes nothing; back in en-US, national numbers are North America's again.
    await t.client.call('settings.update', { locale: 'de-DE' });
    await t.client.call('settings.update', { locale: 'en-US' });
    expect(rows(t, `SELECT phone_key FROM contacts WHERE phone = '030 1234567'`)).toEqual([
      { phone_key: '+10301234567' },
    ]);
  });
});

describe('a new locale and the keys that stay as they are', () => {
  it('leaves a number whose digits a spreadsheet lost without a key', async () => {
    await importInto(
      t,
      files.write('lost.csv', 'Name,Email,Phone\nAda Lovel,ada@example.com,4.93012E+10\n'),
      {
        kind: 'contacts',
        mapping: { Name: 'fullName', Email: 'email', Phone: 'phone' },
      },
    );
    expect(rows(t, 'SELECT phone, phone_key FROM contacts')).toEqual([
      { phone: '4.93012E+10', phone_key: null },
    ]);
    await t.client.call('settings.update', { locale: 'de-DE' });
    expect(rows(t, 'SELECT phone, phone_key FROM contacts')).toEqual([
      { phone: '4.93012E+10', phone_key: null },
    ]);
  });
});

describe('the demo workspace, which brings its own locale', () => {
  it('re-keys the national numbers a deleted contact keeps, as any locale change does', async () => {
    await t.client.call('settings.update', { locale: 'de-DE' });
    const contact = await t.client.call('contacts.create', { firstName: 'Jana', phone: '030 1234567' });
    await t.client.call('contacts.delete', { id: contact.id });
    await t.client.call('workspace.setup', { mode: 'demo' });
    expect(await t.client.call('settings.get', {})).toMatchObject({ locale: 'en-US' });
    expect(rows(t, `SELECT phone_key FROM contacts WHERE id = '${contact.id}'`)).toEqual([
      { phone_key: '+10301234567' },
    ]);
  });
});

describe('the locale while an import runs', () => {
  /** 300 people with German national numbers, each written once nationally and once with +49 further down. */
  const germanFile = () => {
    const lines = ['Name,Phone'];
    for (let i = 0; i < 150; i++) lines.push(`Person ${i},030 ${1_000_000 + i}`);
    for (let i = 0; i < 150; i++) lines.push(`Person ${i},+49 30 ${1_000_000 + i}`);
    return files.write('halves.csv', `${lines.join('\n')}\n`);
  };
  const newJob = (path: string) =>
    createImportJob(t.core.ctx, {
      path,
      kind: 'contacts',
      mapping: { Name: 'fullName', Phone: 'phone' },
      options: { timeZone: MAINE },
    });

  it('is refused while the import runs, and nothing changes; the currency still can be', async () => {
    const id = await newJob(germanFile());
    let refusal: unknown = null;
    const done = await runJob(t.core.ctx.sqlite, id, {
      now: t.core.ctx.nowIso,
      batchSize: 100,
      onProgress: () => {
        if (refusal) return;
        try {
          updateSettings(t.core.ctx, { locale: 'de-DE' });
        } catch (error) {
          refusal = error;
        }
        updateSettings(t.core.ctx, { currency: 'EUR' });
      },
    });
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: 'conflict' });
    expect((refusal as ApiError).message).toContain('halves.csv is running');
    expect(done).toMatchObject({ status: 'done', error_count: 0 });
    expect(await t.client.call('settings.get', {})).toMatchObject({ locale: 'en-US', currency: 'EUR' });
    // Keyed with North America's code throughout: national and +49 forms stayed apart.
    expect(rows(t, `SELECT count(*) AS n FROM contacts WHERE phone_key LIKE '+1%'`)).toEqual([{ n: 150 }]);
    // Once it has finished, the change is made and re-keys them.
    await t.client.call('settings.update', { locale: 'de-DE' });
    expect(rows(t, `SELECT count(DISTINCT phone_key) AS n FROM contacts`)).toEqual([{ n: 150 }]);
    expect(rows(t, `SELECT count(*) AS n FROM contacts WHERE phone_key LIKE '+4930%'`)).toEqual([{ n: 300 }]);
  });

  it("a job resumed after the locale changed keys its rows with the new locale's code", async () => {
    const id = await newJob(germanFile());
    const cancelled = await runFirstBatch(t, id, 100);
    expect(cancelled).toMatchObject({ status: 'cancelled', rows_done: 100 });
    await t.client.call('settings.update', { locale: 'de-DE' });
    const done = await runJob(t.core.ctx.sqlite, id, { now: t.core.ctx.nowIso, batchSize: 100 });
    expect(done).toMatchObject({ status: 'done', inserted: 150, error_count: 0 });
    expect(rows(t, `SELECT count(*) AS n FROM contacts WHERE phone_key LIKE '+4930%'`)).toEqual([{ n: 150 }]);
  });
});
