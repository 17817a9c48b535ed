import { describe, expect, it } from 'vitest';
import {
  guessMapping,
  headerKey,
  mappingProblems,
  plainMapping,
  requirements,
  sameFieldClashes,
  startingMapping,
  withMappingChanges,
} from './mapping';

describe('guessMapping', () => {
  it('maps columns named like a synonym of a field, ignoring case and punctuation', () => {
    expect(guessMapping('contacts', ['E-MAIL', 'full_name', 'Surname', 'Fax'])).toEqual({
      'E-MAIL': 'email',
      full_name: 'fullName',
      Surname: 'lastName',
    });
    // A second column of the same name is the other address.
    expect(guessMapping('contacts', ['Email Address', 'e_mail address'])).toEqual({
      'Email Address': 'email',
      'e_mail address': 'email2',
    });
  });

  it("maps the contact columns of Salesforce's and Zoho's exports", () => {
    expect(
      guessMapping('contacts', [
        'First Name',
        'Last Name',
        'Account Name',
        'Mailing City',
        'Mailing State/Province',
        'Mailing Country',
        'Email',
        'Created Date',
      ]),
    ).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Account Name': 'company',
      'Mailing City': 'city',
      'Mailing State/Province': 'region',
      'Mailing Country': 'country',
      Email: 'email',
      'Created Date': 'createdAt',
    });
    expect(guessMapping('contacts', ['Email', 'Created Time'])).toEqual({
      Email: 'email',
      'Created Time': 'createdAt',
    });
  });

  it('falls back to a field’s own label or name when no synonym claims the column', () => {
    expect(
      guessMapping('orders', ['Order ID', 'Line item unit price', 'Refunded amount', 'lineSku']),
    ).toEqual({
      'Order ID': 'externalId',
      'Line item unit price': 'linePrice',
      'Refunded amount': 'refunded',
      lineSku: 'lineSku',
    });
  });

  it('gives each field to one column only, synonyms before labels', () => {
    // "Record ID" is a synonym of the field whose label "ID in the other system" is: the synonym wins.
    expect(guessMapping('contacts', ['ID in the other system', 'Record ID'])).toEqual({
      'Record ID': 'externalId',
    });
    expect(guessMapping('deals', ['Deal ID', 'ID'])).toEqual({ 'Deal ID': 'externalId' });
  });

  it('guesses nothing for names it does not know', () => {
    expect(guessMapping('contacts', ['Person', 'Mail addr', 'Tel', 'Fax', 'Signed up', ''])).toEqual({});
  });

  it("gives a field the column with its more telling name: Outlook's Job Title, not its Title (Mr., Ms.)", () => {
    const outlook = [
      'Title',
      'First Name',
      'Last Name',
      'Company',
      'Job Title',
      'Business City',
      'Business Phone',
      'Home Phone',
      'Mobile Phone',
      'E-mail Address',
      'E-mail 2 Address',
    ];
    expect(guessMapping('contacts', outlook)).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Company: 'company',
      'Job Title': 'title',
      'Business City': 'city',
      'Mobile Phone': 'phone',
      // The next of the phone columns is the other phone.
      'Business Phone': 'phone2',
      'E-mail Address': 'email',
      'E-mail 2 Address': 'email2',
    });
    // German Outlook: the business number is kept beside the mobile one.
    expect(guessMapping('contacts', ['Vorname', 'Nachname', 'Mobiltelefon', 'Telefon geschäftlich'])).toEqual(
      {
        Vorname: 'firstName',
        Nachname: 'lastName',
        Mobiltelefon: 'phone',
        'Telefon geschäftlich': 'phone2',
      },
    );
    expect(guessMapping('contacts', ['Vorname', 'Telefon geschäftlich'])).toEqual({
      Vorname: 'firstName',
      'Telefon geschäftlich': 'phone',
    });
    // Alone, `Title` is the job title, as Salesforce and HubSpot write it.
    expect(guessMapping('contacts', ['Email', 'Title'])).toEqual({ Email: 'email', Title: 'title' });
    expect(guessMapping('contacts', ['ID', 'Record ID', 'Work Phone'])).toEqual({
      'Record ID': 'externalId',
      'Work Phone': 'phone',
    });
    expect(guessMapping('deals', ['Record ID', 'Deal Name', 'Amount', 'Deal Stage'])).toEqual({
      'Record ID': 'externalId',
      'Deal Name': 'title',
      Amount: 'value',
      'Deal Stage': 'stage',
    });
  });

  it('maps the common contact and order headers of German, French, Spanish and Dutch exports', () => {
    expect(
      guessMapping('contacts', ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefon', 'Firma', 'Ort', 'Land']),
    ).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail-Adresse': 'email',
      Telefon: 'phone',
      Firma: 'company',
      Ort: 'city',
      Land: 'country',
    });
    expect(guessMapping('contacts', ['Prénom', 'Nom', 'Courriel', 'Téléphone', 'Société', 'Ville'])).toEqual({
      Prénom: 'firstName',
      Nom: 'lastName',
      Courriel: 'email',
      Téléphone: 'phone',
      Société: 'company',
      Ville: 'city',
    });
    expect(
      guessMapping('contacts', ['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono', 'País']),
    ).toEqual({
      Nombre: 'firstName',
      Apellidos: 'lastName',
      'Correo electrónico': 'email',
      Teléfono: 'phone',
      País: 'country',
    });
    expect(guessMapping('contacts', ['Voornaam', 'Achternaam', 'Telefoon', 'Bedrijf', 'Plaats'])).toEqual({
      Voornaam: 'firstName',
      Achternaam: 'lastName',
      Telefoon: 'phone',
      Bedrijf: 'company',
      Plaats: 'city',
    });
    expect(guessMapping('orders', ['Bestellnummer', 'Bestelldatum', 'E-Mail', 'Gesamtsumme'])).toEqual({
      Bestellnummer: 'externalId',
      Bestelldatum: 'orderedAt',
      'E-Mail': 'email',
      Gesamtsumme: 'total',
    });
  });
});

describe('the mapping a generic read starts from, and the changes to it', () => {
  const google = {
    kind: 'contacts' as const,
    mapping: { 'E-mail 1 - Value': 'email', 'Phone 1 - Value': 'phone', Labels: 'tags', Source: 'x.source' },
    columns: ['E-mail 1 - Value', 'Phone 1 - Value', 'Labels', 'Source', 'Name'],
  };

  it("starts from the file's own mapping for its kind without the fields only a preset reads, else a guess", () => {
    expect(startingMapping('contacts', google)).toEqual({
      'E-mail 1 - Value': 'email',
      'Phone 1 - Value': 'phone',
      Labels: 'tags',
    });
    expect(plainMapping('contacts', google.mapping)).toEqual(startingMapping('contacts', google));
    // Read as another kind, the columns are guessed from their names.
    expect(startingMapping('orders', { ...google, columns: ['Order ID', 'Total'] })).toEqual({
      'Order ID': 'externalId',
      Total: 'total',
    });
  });

  it('gives a field to one column only and leaves a column out for an empty field', () => {
    const start = { Email: 'email', Phone: 'phone', Mobile: 'phone2' };
    expect(
      withMappingChanges(start, [
        ['Mobile', 'phone'],
        ['Email', ''],
        ['Notes', 'notes'],
      ]),
    ).toEqual({ Mobile: 'phone', Notes: 'notes' });
    expect(start).toEqual({ Email: 'email', Phone: 'phone', Mobile: 'phone2' });
  });
});

describe('headerKey', () => {
  it('reads headers alike whatever their case and punctuation', () => {
    expect(headerKey(' E-mail Address ')).toBe('e mail address');
    expect(headerKey('email_address')).toBe('email address');
  });
});

describe('requirements and mappingProblems', () => {
  it('lists each required field and each "at least one of" group with the column that covers it', () => {
    expect(requirements('contacts', { Email: 'email' })).toEqual([
      { key: 'group:identity', label: 'E-mail or Phone', column: 'Email' },
    ]);
    expect(requirements('deals', { ID: 'externalId' })).toEqual([
      { key: 'externalId', label: 'Deal ID', column: 'ID' },
      { key: 'title', label: 'Title', column: null },
    ]);
    expect(requirements('metrics', {}).map((r) => r.label)).toEqual([
      'Date',
      'At least one of Visits, Impressions, Reach, Clicks…',
    ]);
  });

  it('names each missing field, each unmet group and each doubled target in a sentence', () => {
    const columns = ['Person', 'Email'];
    expect(mappingProblems('deals', {}, columns)).toEqual([
      'Map a column to Deal ID.',
      'Map a column to Title.',
    ]);
    expect(mappingProblems('contacts', { Person: 'fullName', Email: 'fullName' }, columns)).toEqual([
      '“Email” and “Person” go to the same field; choose another for one of them.',
      'Map a column to E-mail or Phone.',
    ]);
    expect(mappingProblems('metrics', { Person: 'date' }, columns)).toEqual([
      'Map a column to at least one of Visits, Impressions, Reach, Clicks…',
    ]);
    expect(mappingProblems('contacts', { Email: 'email' }, columns)).toEqual([]);
  });

  it('refuses columns the file lacks and fields the kind does not have', () => {
    expect(mappingProblems('contacts', { Mail: 'email', Person: 'shoeSize' }, ['Person'])).toEqual([
      'The file has no column “Mail”.',
      '“shoeSize” is not a field of contacts.',
    ]);
  });

  it('points each later column at the first one that has its field', () => {
    expect([...sameFieldClashes({ A: 'email', B: 'phone', C: 'email', D: 'email' })]).toEqual([
      ['C', 'A'],
      ['D', 'A'],
    ]);
  });
});
