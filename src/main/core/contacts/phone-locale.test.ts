import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../testing';
import { importInto, rows } from '../import/testing';

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
