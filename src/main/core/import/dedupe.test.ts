import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { headerSignature } from './setup';
import { count, importInto as importWith, one, rows } from './testing';

/** Every case runs as a small import and as a large one (keys in memory, key indexes built at the end). */
let large = false;
const importInto: typeof importWith = (core, path, choice, hooks) =>
  importWith(core, path, choice, { ...(large ? { largeFrom: 0 } : {}), ...hooks });

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const csv = (name: string, lines: string[]) => files.write(name, `${lines.join('\n')}\n`);
const HEADER = 'First name,Last name,Email,Phone,Company,City,Tags,Notes,Lifecycle';

describe.each([false, true])('contacts: dedupe and merge (large import: %s)', (isLarge) => {
  beforeEach(() => {
    large = isLarge;
  });

  it('matches by normalised e-mail, fills empty fields, never overwrites a value (not even with an empty one)', async () => {
    await importInto(t, csv('a.csv', [HEADER, 'Ana,Silva,ana@example.com,,,Portland,,,lead']), {
      kind: 'contacts',
    });
    const second = await importInto(
      t,
      csv('b.csv', [
        HEADER,
        'Anna,,  ANA@Example.COM ,(207) 555-0101,Harbor Café,Boston,Wholesale,Met at the fair,customer',
      ]),
      { kind: 'contacts' },
    );
    expect(second).toMatchObject({ inserted: 0, updated: 1, error_count: 0 });
    const ana = one(
      t,
      'SELECT c.*, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id',
    );
    expect(ana).toMatchObject({
      first_name: 'Ana',
      last_name: 'Silva',
      email: 'ana@example.com',
      phone: '(207) 555-0101',
      phone_key: '+12075550101',
      city: 'Portland',
      company: 'Harbor Café',
      tags: 'Wholesale',
      notes: 'Met at the fair',
      lifecycle: 'customer',
    });
    // Its before-image lists only what changed, for undo.
    expect(
      JSON.parse(
        one<{ before: string }>(t, 'SELECT before FROM import_changes WHERE job_id = ?', second.id).before,
      ),
    ).toEqual({
      phone: null,
      phone_key: null,
      company_id: null,
      notes: '',
      tags: '',
      lifecycle: 'lead',
    });
  });

  it('matches by phone when there is no e-mail, but a shared phone never joins two e-mail addresses', async () => {
    await importInto(
      t,
      csv('a.csv', [HEADER, 'Bo,Lee,,617.555.0142,,,,,', 'Cy,Park,cy@example.com,(508) 555-0100,,,,,']),
      { kind: 'contacts' },
    );
    const job = await importInto(
      t,
      csv('b.csv', [
        HEADER,
        'Bo,Lee,bo@example.com,+1 617-555-0142,,Salem,,,',
        'Dee,Park,dee@example.com,508-555-0100,,,,,',
        ',,,(508) 555-0100,,Bath,,,',
      ]),
      { kind: 'contacts' },
    );
    expect(job).toMatchObject({ inserted: 1, updated: 2 });
    expect(count(t, 'contacts')).toBe(3);
    expect(one(t, `SELECT email, city FROM contacts WHERE first_name = 'Bo'`)).toEqual({
      email: 'bo@example.com',
      city: 'Salem',
    });
    expect(one(t, `SELECT city FROM contacts WHERE email = 'cy@example.com'`).city).toBe('Bath');
    expect(count(t, 'contacts', `email = 'dee@example.com'`)).toBe(1);
  });

  it('never joins two people on a shared phone: the issue file gives two contacts, listed as duplicates', async () => {
    const job = await importInto(
      t,
      csv('two-people.csv', [
        '"Record ID","First Name","Last Name","Email","Phone Number"',
        '"1001","Ann","Able","","+1 617-555-0100"',
        '"1002","Bea","Baker","bea@example.com","+1 617-555-0100"',
      ]),
      { kind: 'contacts' },
    );
    expect(job).toMatchObject({ status: 'done', inserted: 2, updated: 0, error_count: 0 });
    const people = rows<{ id: string; first_name: string; email: string | null; external_id: string }>(
      t,
      'SELECT id, first_name, email, external_id FROM contacts ORDER BY external_id',
    );
    expect(people).toMatchObject([
      { first_name: 'Ann', email: null, external_id: '1001' },
      { first_name: 'Bea', email: 'bea@example.com', external_id: '1002' },
    ]);
    const [ann, bea] = people as [(typeof people)[0], (typeof people)[0]];
    const shown = await t.client.call('contacts.findDuplicates', {
      phone: '+1 617-555-0100',
      excludeId: ann.id,
    });
    expect(shown.map((m) => [m.contact.id, m.matchedOn])).toEqual([[bea.id, ['phone']]]);
  });

  it('joins by phone a name written another way, and a row without a name with a note', async () => {
    await importInto(
      t,
      csv('a.csv', [HEADER, 'René,Lévesque,,+1 207 555 0110,,,,,', 'Ann,Able,,+1 207 555 0111,,,,,']),
      { kind: 'contacts' },
    );
    const job = await importInto(
      t,
      csv('b.csv', [
        'Name,Phone,City',
        '"LEVESQUE, Rene",207-555-0110,Québec',
        'Ann B. Able,(207) 555-0111,Bath',
        ',207.555.0111,',
        'Cy Dunn,207-555-0111,Bangor',
      ]),
      { kind: 'contacts', mapping: { Name: 'fullName', Phone: 'phone', City: 'city' } },
    );
    expect(job).toMatchObject({ inserted: 1, updated: 2, unchanged: 1, skipped: 0, error_count: 0 });
    expect(rows(t, 'SELECT first_name, last_name, city FROM contacts ORDER BY rowid')).toEqual([
      { first_name: 'René', last_name: 'Lévesque', city: 'Québec' },
      { first_name: 'Ann', last_name: 'Able', city: 'Bath' },
      { first_name: 'Cy', last_name: 'Dunn', city: 'Bangor' },
    ]);
    expect(
      rows(t, 'SELECT row, column, severity, message FROM import_row_errors WHERE job_id = ?', job.id),
    ).toEqual([
      {
        row: 4,
        column: 'Phone',
        severity: 'note',
        message: 'no name in this row: joined to Ann Able by the same phone number',
      },
    ]);
  });

  it('keeps two record ids of one source apart on a re-import, and joins the same id', async () => {
    const header = '"Record ID","First Name","Last Name","Email","Phone Number","City"';
    await importInto(t, csv('a.csv', [header, '1001,Ann,Able,,617-555-0100,']), { kind: 'contacts' });
    const job = await importInto(
      t,
      csv('b.csv', [header, '1002,Ann,Able,,617-555-0100,Salem', '1001,Ann,Able,,617-555-0100,Lynn']),
      { kind: 'contacts' },
    );
    expect(job).toMatchObject({ inserted: 1, updated: 1 });
    expect(rows(t, 'SELECT external_id, city FROM contacts ORDER BY external_id')).toEqual([
      { external_id: '1001', city: 'Lynn' },
      { external_id: '1002', city: 'Salem' },
    ]);
  });

  it('keeps both of two columns named alike, the second as "Email (2)", mappable', async () => {
    const path = csv('two-emails.csv', ['Name,Email,Email', 'Ann Able,ann@work.example,ann@home.example']);
    const inspection = await t.client.call('imports.inspect', { path });
    expect(inspection.columns).toEqual(['Name', 'Email', 'Email (2)']);
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: { Name: 'fullName', 'Email (2)': 'email', Email: 'notes' },
    });
    expect(job).toMatchObject({ inserted: 1, error_count: 0 });
    expect(one(t, 'SELECT email, notes FROM contacts')).toEqual({
      email: 'ann@home.example',
      notes: 'ann@work.example',
    });
  });

  it('matches a number written with an extension to the same number without one', async () => {
    const created = await t.client.call('contacts.create', { firstName: 'Ines', phone: '(617) 555-0195' });
    const job = await importInto(
      t,
      csv('office.csv', [
        HEADER,
        'Ines,Moreau,,617-555-0195 x204,,Lyon,,,',
        ',,,+1 617 555 0195;ext=12,,,,Desk,',
      ]),
      { kind: 'contacts' },
    );
    expect(job).toMatchObject({ inserted: 0, updated: 2, error_count: 0 });
    expect(count(t, 'contacts')).toBe(1);
    expect(one(t, 'SELECT id, phone, phone_key, city, notes FROM contacts')).toEqual({
      id: created.id,
      phone: '(617) 555-0195',
      phone_key: '+16175550195',
      city: 'Lyon',
      notes: 'Desk',
    });
  });

  it('merges a person listed twice in one file, in one batch or across batches', async () => {
    const lines = [
      HEADER,
      'Eve,Moss,eve@example.com,,,,VIP,,',
      'Fay,Ng,fay@example.com,,,,,,',
      'Eve,,EVE@example.com,207-555-0199,,Bangor,Wholesale,,',
    ];
    for (const batchSize of [100, 1]) {
      const local = await createTestCore();
      const job = await importInto(
        local,
        csv(`dup-${batchSize}.csv`, lines),
        { kind: 'contacts' },
        { batchSize },
      );
      expect(job).toMatchObject({ rows_total: 3, inserted: 2, updated: 1 });
      expect(
        one(local, `SELECT tags, city, phone FROM contacts WHERE email_key = 'eve@example.com'`),
      ).toEqual({ tags: 'VIP, Wholesale', city: 'Bangor', phone: '207-555-0199' });
      expect(count(local, 'import_changes')).toBe(0);
      local.dispose();
    }
  });

  it('keeps lifecycle moving forward only, and marks rows without e-mail or phone as errors', async () => {
    await importInto(t, csv('a.csv', [HEADER, 'Gil,Ames,gil@example.com,,,,,,customer']), {
      kind: 'contacts',
    });
    const job = await importInto(
      t,
      csv('b.csv', [
        HEADER,
        'Gil,Ames,gil@example.com,,,,,,subscriber',
        'No,Contact,,,,,,,',
        'Bad,Mail,not-an-address,,,,,,',
      ]),
      { kind: 'contacts' },
    );
    expect(one(t, 'SELECT lifecycle FROM contacts').lifecycle).toBe('customer');
    expect(job).toMatchObject({ unchanged: 1, error_count: 2 });
    expect(rows(t, 'SELECT row, column, message FROM import_row_errors ORDER BY row')).toEqual([
      { row: 3, column: 'Email', message: expect.stringContaining('no e-mail address or phone number') },
      { row: 4, column: 'Email', message: expect.stringContaining('expected an e-mail address') },
    ]);
  });

  it('remembers a mapping for the same header, and offers it next time', async () => {
    const path = csv('custom.csv', ['Vorname,Nachname,E-Mail-Adresse,Ort', 'Jan,Berg,jan@example.de,Köln']);
    const mapping = { Vorname: 'firstName', Nachname: 'lastName', 'E-Mail-Adresse': 'email', Ort: 'city' };
    await importInto(t, path, { kind: 'contacts', mapping });
    expect(
      one<{ mapping: string }>(
        t,
        'SELECT mapping FROM column_mappings WHERE header_signature = ?',
        headerSignature(['Vorname', 'Nachname', 'E-Mail-Adresse', 'Ort']),
      ).mapping,
    ).toBe(JSON.stringify(mapping));
    const inspection = await t.client.call('imports.inspect', { path });
    expect(inspection).toMatchObject({
      preset: null,
      kind: 'contacts',
      mapping,
      mappingSource: 'remembered',
    });
    // Next time the kind alone is enough.
    const again = await importInto(
      t,
      csv('custom2.csv', ['Vorname,Nachname,E-Mail-Adresse,Ort', 'Ina,Berg,ina@example.de,Bonn']),
      { kind: 'contacts' },
    );
    expect(again).toMatchObject({ inserted: 1, error_count: 0 });
  });

  it('refuses a mapping that leaves out what the kind needs, writing nothing', async () => {
    const path = csv('partial.csv', ['Name,City', 'Kim,Oslo']);
    await expect(importInto(t, path, { kind: 'contacts', mapping: { Name: 'fullName' } })).rejects.toThrow(
      /yet\. Map a column to E-mail or Phone\./,
    );
    await expect(importInto(t, path)).rejects.toThrow(/not from an export Tandem knows/);
    expect(count(t, 'import_jobs')).toBe(0);
  });
});
