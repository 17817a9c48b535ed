import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../testing';
import { phoneOf, splitName, tagsOf } from './build/contacts';
import { count, importInto, rows } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const MAPPING = { Name: 'fullName', Email: 'email', Phone: 'phone' };
const contacts = (name: string, lines: string[]) =>
  importInto(t, files.write(name, `${['Name,Email,Phone', ...lines].join('\n')}\n`), {
    kind: 'contacts',
    mapping: MAPPING,
  });

describe('phone and tag cells as spreadsheets and CRMs write them', () => {
  it('reads numbers Excel kept as text with a formula like the number itself', () => {
    expect(phoneOf('="+49 30 1234567"')).toMatchObject({ phone: '+49 30 1234567', key: '+49301234567' });
    expect(phoneOf('=+33 6 12 34 56 78')).toMatchObject({ phone: '+33 6 12 34 56 78', key: '+33612345678' });
    expect(phoneOf("'+1 617-555-0100")).toMatchObject({ phone: '+1 617-555-0100', key: '+16175550100' });
  });

  it('takes the first of several numbers and keeps the others, but not an extension after a comma', () => {
    expect(phoneOf('+1 555 201 3344, +1 555 201 9900')).toEqual({
      phone: '+1 555 201 3344',
      key: '+15552013344',
      others: ['+1 555 201 9900'],
      lost: false,
    });
    expect(phoneOf('617-555-0100 ::: 617-555-0199').others).toEqual(['617-555-0199']);
    expect(phoneOf('617-555-0100, ext. 12')).toMatchObject({ key: '+16175550100', others: [] });
  });

  it('gives no key to a number a spreadsheet turned into scientific notation', () => {
    expect(phoneOf('4.91701E+11')).toEqual({ phone: '4.91701E+11', key: null, others: [], lost: true });
  });

  it('joins a person whose number one file wrote as a formula, and keeps further numbers in the notes', async () => {
    await contacts('first.csv', [
      'Zoë Lefèvre,,+33 6 12 34 56 78',
      'Bob Brown,,"+1 555 201 3344, +1 555 201 9900"',
    ]);
    const second = await contacts('second.csv', ['Zoë Lefèvre,zoe@example.fr,=+33 6 12 34 56 78']);
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    expect(count(t, 'contacts')).toBe(2);
    expect(rows(t, `SELECT phone, phone_key, email, notes FROM contacts ORDER BY rowid`)).toEqual([
      { phone: '+33 6 12 34 56 78', phone_key: '+33612345678', email: 'zoe@example.fr', notes: '' },
      {
        phone: '+1 555 201 3344',
        phone_key: '+15552013344',
        email: null,
        notes: 'Other phone: +1 555 201 9900',
      },
    ]);
  });

  it('never joins two people by a number whose digits a spreadsheet lost, and says so', async () => {
    const job = await contacts('sci.csv', [
      'Ann Able,ann@example.com,4.91701E+11',
      'Bea Baker,bea@example.com,4.91701E+11',
      'Cy Cole,,4.91701E+11',
    ]);
    expect(job).toMatchObject({ inserted: 2, error_count: 1 });
    expect(rows(t, `SELECT phone_key, notes FROM contacts ORDER BY rowid`)).toEqual([
      {
        phone_key: null,
        notes: 'Phone 4.91701E+11 lost its last digits in a spreadsheet (scientific notation).',
      },
      {
        phone_key: null,
        notes: 'Phone 4.91701E+11 lost its last digits in a spreadsheet (scientific notation).',
      },
    ]);
    expect(rows(t, `SELECT row, column, message FROM import_row_errors`)).toEqual([
      {
        row: 4,
        column: 'Phone',
        message: expect.stringMatching(
          /^"4\.91701E\+11" is a phone number a spreadsheet turned into a number/,
        ),
      },
    ]);
  });

  it('takes a whole second phone over a first one whose digits a spreadsheet lost', async () => {
    const path = files.write(
      'two-phones.csv',
      ['Name,Phone,Mobile', 'Dee Dunn,4.91701E+11,(617) 555-0100', 'Eve Egan,(617) 555-0111,6.17555E+9'].join(
        '\n',
      ) + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: { Name: 'fullName', Phone: 'phone', Mobile: 'phone2' },
    });
    expect(job).toMatchObject({ inserted: 2, error_count: 0 });
    expect(rows(t, `SELECT phone, phone_key, notes FROM contacts ORDER BY rowid`)).toEqual([
      {
        phone: '(617) 555-0100',
        phone_key: '+16175550100',
        notes: 'Phone 4.91701E+11 lost its last digits in a spreadsheet (scientific notation).',
      },
      {
        phone: '(617) 555-0111',
        phone_key: '+16175550111',
        notes: 'Phone 6.17555E+9 lost its last digits in a spreadsheet (scientific notation).',
      },
    ]);
  });

  it('says a phone cell has too few digits rather than that the row has no phone', async () => {
    const job = await contacts('words.csv', ['Flo Wers,,1-800-FLOWERS', 'No One,,']);
    expect(job).toMatchObject({ inserted: 0, error_count: 2 });
    expect(rows(t, `SELECT row, column, message FROM import_row_errors ORDER BY row`)).toEqual([
      {
        row: 2,
        column: 'Phone',
        message:
          '"1-800-FLOWERS" has too few digits to be a phone number, and the row has no e-mail address: a contact needs one of them',
      },
      { row: 3, column: 'Email', message: 'no e-mail address or phone number: a contact needs one of them' },
    ]);
  });

  it("reads Mailchimp's quoted tags without their quotes", () => {
    expect(tagsOf('"Customer","VIP"')).toEqual(['Customer', 'VIP']);
    expect(tagsOf('Customer, VIP')).toEqual(['Customer', 'VIP']);
    expect(tagsOf('"",Wholesale')).toEqual(['Wholesale']);
  });
});

describe('a created date the contact can do without', () => {
  it('keeps a contact whose created date cannot be read, with a note naming the row, column and value', async () => {
    const path = files.write(
      'created.csv',
      [
        'Name,Email,Created Date',
        'Ann Able,ann@example.com,2026-03-04 10:00',
        'Bea Baker,bea@example.com,last Tuesday',
      ].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: { Name: 'fullName', Email: 'email', 'Created Date': 'createdAt' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 2, skipped: 0, error_count: 0 });
    const [ann, bea] = rows<{ email: string; created_at: string }>(
      t,
      'SELECT email, created_at FROM contacts ORDER BY rowid',
    );
    expect(ann?.created_at.startsWith('2026-03-04')).toBe(true);
    expect(bea?.email).toBe('bea@example.com');
    expect(bea?.created_at.startsWith('2026-03-04')).toBe(false);
    const notes = rows<{ row: number; column: string; message: string }>(
      t,
      `SELECT row, "column", message FROM import_row_errors WHERE job_id = ? AND severity = 'note'`,
      job.id,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ row: 3, column: 'Created Date' });
    expect(notes[0]?.message).toMatch(
      /^"last Tuesday": .*; the contact was kept, with this import's time as its created date$/,
    );
  });
});

describe('e-mail cells as other tools write them', () => {
  it('finds one person behind an invisible character, a "; " list and a "Name (address)" cell', async () => {
    const job = await contacts('emails.csv', [
      'Ann Able,ann@able.com,',
      'Ann Able,ann@able.com\u200B,',
      'Bo Berg,bo@berg.no; bo@work.no,',
      'Bo Berg,Bo Berg (bo@work.no),',
    ]);
    expect(job).toMatchObject({ status: 'done', inserted: 2, error_count: 0 });
    expect(rows(t, 'SELECT email, notes FROM contacts ORDER BY rowid')).toEqual([
      { email: 'ann@able.com', notes: '' },
      { email: 'bo@berg.no', notes: 'Other e-mail: bo@work.no' },
    ]);
  });
});

describe('names and numbers as scripts and address books write them', () => {
  it('keeps a suffix or credential with the last name', () => {
    expect(splitName('Jane Smith, MBA')).toEqual({ first: 'Jane', last: 'Smith, MBA' });
    expect(splitName('Jane Smith Jr.')).toEqual({ first: 'Jane', last: 'Smith Jr.' });
    expect(splitName('Smith, Jane')).toEqual({ first: 'Jane', last: 'Smith' });
    expect(splitName('Rahman, Md')).toEqual({ first: 'Md', last: 'Rahman' });
    expect(splitName('Cher')).toEqual({ first: 'Cher', last: '' });
  });

  it('splits numbers joined by " / " or " or ", and reads a number written as a float', () => {
    expect(phoneOf('617-555-0195 / 617-555-0196')).toMatchObject({
      key: '+16175550195',
      others: ['617-555-0196'],
    });
    expect(phoneOf('617-555-0195 or 617-555-0196').others).toEqual(['617-555-0196']);
    expect(phoneOf('617/555-0195')).toMatchObject({ key: '+16175550195', others: [] });
    expect(phoneOf('6175550195.0')).toMatchObject({ phone: '6175550195', key: '+16175550195' });
  });
});

describe("a contact's other e-mail and other phone columns", () => {
  const MORE = {
    Name: 'fullName',
    Email: 'email',
    'Email 2': 'email2',
    Mobile: 'phone',
    'Phone 2': 'phone2',
  };
  const people = (name: string, lines: string[]) =>
    importInto(t, files.write(name, `${['Name,Email,Email 2,Mobile,Phone 2', ...lines].join('\n')}\n`), {
      kind: 'contacts',
      mapping: MORE,
    });

  it('keeps the second address and number, and takes them when the first column is empty', async () => {
    const job = await people('more.csv', [
      'Ann Able,ann@example.com,ann@home.example,617-555-0100,617-555-0101',
      'Bea Baker,,bea@example.com,,',
      'Cy Cole,,,,617-555-0103',
      'Di Dean,di@example.com,DI@example.com,617-555-0104,+1 (617) 555-0104',
    ]);
    expect(job).toMatchObject({ inserted: 4, error_count: 0 });
    expect(
      rows(t, 'SELECT first_name, email, phone, phone_key, notes FROM contacts ORDER BY first_name'),
    ).toEqual([
      {
        first_name: 'Ann',
        email: 'ann@example.com',
        phone: '617-555-0100',
        phone_key: '+16175550100',
        notes: expect.stringContaining('Other phone: 617-555-0101'),
      },
      { first_name: 'Bea', email: 'bea@example.com', phone: null, phone_key: null, notes: '' },
      { first_name: 'Cy', email: null, phone: '617-555-0103', phone_key: '+16175550103', notes: '' },
      // The same address or number twice is one.
      {
        first_name: 'Di',
        email: 'di@example.com',
        phone: '617-555-0104',
        phone_key: '+16175550104',
        notes: '',
      },
    ]);
    // A row's second address finds the contact whose address it is.
    const again = await people('again.csv', ['Ann Able,ann@new.example,ann@example.com,,']);
    expect(again).toMatchObject({ inserted: 0 });
    expect(count(t, 'contacts')).toBe(4);
  });

  it('refuses a second address that is not one, naming its column', async () => {
    const job = await people('bad.csv', ['Ann Able,ann@example.com,not-an-address,,']);
    expect(job).toMatchObject({ inserted: 0, error_count: 1 });
    expect(rows(t, 'SELECT "column", message FROM import_row_errors')).toEqual([
      { column: 'Email 2', message: expect.stringContaining('"not-an-address"') },
    ]);
  });
});

describe('Google Contacts: every numbered e-mail and phone column', () => {
  it('keeps Phone 2 and further numbers and E-mail 3 and further addresses; Phone 2 alone makes a contact', async () => {
    const header =
      'First Name,Last Name,Labels,E-mail 1 - Value,E-mail 2 - Value,E-mail 3 - Value,Phone 1 - Value,Phone 2 - Value,Phone 3 - Value';
    const job = await importInto(
      t,
      files.write(
        'google.csv',
        `${header}\n` +
          'Ann,Able,* myContacts,ann@example.com,ann@work.example,ann@old.example,+1 617-555-0100,+1 617-555-0101,+1 617-555-0102\n' +
          'Bo,Bell,* myContacts,,,,,+1 617-555-0110,\n' +
          'Cy,Cole,* myContacts,cy@example.com,,broken,,,\n',
      ),
    );
    expect(job).toMatchObject({ preset: 'google-contacts', inserted: 3, error_count: 0 });
    const ann = rows<{ notes: string }>(t, `SELECT notes FROM contacts WHERE first_name = 'Ann'`)[0];
    expect(ann?.notes).toContain('Other phone: +1 617-555-0101');
    expect(ann?.notes).toContain('Other phone: +1 617-555-0102');
    expect(ann?.notes).toContain('ann@old.example');
    expect(rows(t, `SELECT phone_key FROM contacts WHERE first_name = 'Bo'`)).toEqual([
      { phone_key: '+16175550110' },
    ]);
    expect(rows(t, `SELECT message FROM import_row_errors WHERE severity = 'note'`)).toEqual([
      { message: expect.stringContaining('"broken"') },
    ]);
  });

  it('reads Phone 3 and further like Phone 2: a contact of its own, each number once, a whole one first', async () => {
    const header =
      'First Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Value,Phone 2 - Value,Phone 3 - Value';
    const job = await importInto(
      t,
      files.write(
        'google-phones.csv',
        `${header}\n` +
          'Dee,Dunn,* myContacts,,,,+1 617-555-0120\n' +
          'Eve,Egan,* myContacts,eve@example.com,+1 617-555-0130,617-555-0131,(617) 555-0131\n' +
          'Fay,Ford,* myContacts,,4.91701E+11,,+49 170 1234567\n',
      ),
    );
    expect(job).toMatchObject({ preset: 'google-contacts', inserted: 3, error_count: 0 });
    expect(
      rows(t, `SELECT first_name AS name, phone, phone_key AS key, notes FROM contacts ORDER BY rowid`),
    ).toEqual([
      { name: 'Dee', phone: '+1 617-555-0120', key: '+16175550120', notes: '' },
      { name: 'Eve', phone: '+1 617-555-0130', key: '+16175550130', notes: 'Other phone: 617-555-0131' },
      {
        name: 'Fay',
        phone: '+49 170 1234567',
        key: '+491701234567',
        notes: 'Phone 4.91701E+11 lost its last digits in a spreadsheet (scientific notation).',
      },
    ]);
  });

  it('lists none of the numbered columns it reads as left out', async () => {
    const header =
      'First Name,Last Name,Labels,E-mail 1 - Value,E-mail 3 - Value,Phone 1 - Value,Phone 2 - Value,Phone 3 - Value,Birthday';
    const path = files.write(
      'google-left-out.csv',
      `${header}\nAnn,Able,* myContacts,ann@example.com,ann@old.example,,,+1 617-555-0100,1990-01-01\n`,
    );
    const run = await t.client.call('imports.run', { path, preset: 'google-contacts' });
    expect(run.job).toMatchObject({ preset: 'google-contacts', inserted: 1 });
    expect(run.leftOut).toEqual(['Birthday']);
  });
});
