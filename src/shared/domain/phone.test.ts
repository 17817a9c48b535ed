import { describe, expect, it } from 'vitest';
import { callingCodeFor, isPhoneText, phoneKey, withoutExtension } from './phone';

describe('phoneKey', () => {
  it.each([
    ['(617) 555-0195', '+16175550195'],
    ['617-555-0195', '+16175550195'],
    ['617.555.0195', '+16175550195'],
    ['6175550195', '+16175550195'],
    ['+1 617-555-0195', '+16175550195'],
    ['+1 (617) 555-0195', '+16175550195'],
    ['1-617-555-0195', '+16175550195'],
    ['16175550195', '+16175550195'],
    ['001 617 555 0195', '+16175550195'],
    ["'+16175550195", '+16175550195'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 (0)30 1234567', '+49301234567'],
    ['+44 (0)20 7946 0958', '+442079460958'],
  ])('reads %j as %s', (text, key) => {
    expect(phoneKey(text)).toBe(key);
  });

  it.each([
    '617-555-0195 x204',
    '617-555-0195 X 204',
    '(617) 555-0195 ext. 204',
    '617 555 0195 extension 204',
    '617-555-0195 #204',
    '+1-617-555-0195;ext=204',
    'tel +1 617 555 0195, ext 204',
  ])('leaves the extension of %j out so it matches the number itself', (text) => {
    expect(phoneKey(text)).toBe(phoneKey('(617) 555-0195'));
  });

  it('makes +1, a leading 1 and the national form of one number agree', () => {
    const keys = ['(617) 555-0136', '+1 617-555-0136', '1 617 555 0136', '00 1 617 555 0136'].map((p) =>
      phoneKey(p),
    );
    expect(new Set(keys)).toEqual(new Set(['+16175550136']));
  });

  it('applies another calling code and drops the national trunk 0', () => {
    expect(phoneKey('020 7946 0958', '44')).toBe('+442079460958');
    expect(phoneKey('030 1234567', '49')).toBe('+49301234567');
    expect(phoneKey('+1 617 555 0195', '44')).toBe('+16175550195');
  });

  it("drops each country's own trunk prefix and keeps a 0 that belongs to the number", () => {
    // Italy and San Marino dial the 0 from abroad too: 06 in Rome is +39 06.
    expect(phoneKey('06 6982 1234', '39')).toBe('+390669821234');
    expect(phoneKey('+39 06 6982 1234', '39')).toBe('+390669821234');
    expect(phoneKey('+39 (0)6 6982 1234')).toBe('+390669821234');
    expect(phoneKey('0549 882 555', '378')).toBe('+3780549882555');
    expect(callingCodeFor('it-SM')).toBe('378');
    // Hungary's trunk prefix is 06, Lithuania's 8 (0 since 2025).
    expect(phoneKey('06 1 234 5678', '36')).toBe('+3612345678');
    expect(phoneKey('+36 1 234 5678', '36')).toBe('+3612345678');
    expect(phoneKey('8 612 34567', '370')).toBe('+37061234567');
    expect(phoneKey('0 612 34567', '370')).toBe('+37061234567');
    expect(phoneKey('612 34567', '370')).toBe('+37061234567');
    expect(phoneKey('8 800 12345', '370')).toBe('+37080012345');
    expect(phoneKey('800 12345', '370')).toBe('+37080012345');
    // Russia and Kazakhstan dial 8 first; a number with its 7 but not its + is the same number.
    for (const text of ['8 (495) 123-45-67', '+7 495 123 45 67', '7 495 123 45 67', '495 123 45 67'])
      expect({ text, key: phoneKey(text, callingCodeFor('ru-RU')) }).toEqual({ text, key: '+74951234567' });
    // Belarus dials 80 first, and a single 0 is written too.
    for (const text of ['8 029 123 45 67', '(029) 123-45-67', '029 123 45 67', '+375 29 123 45 67'])
      expect({ text, key: phoneKey(text, callingCodeFor('be-BY')) }).toEqual({ text, key: '+375291234567' });
    // A number written without its trunk prefix is the same number.
    expect(phoneKey('30 1234567', '49')).toBe('+49301234567');
  });

  it("reads a country's own way of dialling abroad, and 00 before a bracketed (0)", () => {
    expect(phoneKey('011 44 20 7946 0958')).toBe('+442079460958');
    expect(phoneKey('8 10 49 30 1234567', '7')).toBe('+49301234567');
    expect(phoneKey('0049 (0)30 1234567', '49')).toBe('+49301234567');
    expect(phoneKey('0044 (0)20 7946 0958')).toBe('+442079460958');
    expect(phoneKey('0039 (0)6 6982 1234')).toBe('+390669821234');
  });

  it('reads a + wherever it stands before the digits, and drops a trunk prefix written after the code', () => {
    for (const text of [
      '(+49) 30 1234567',
      'Tel.: +49 30 1234567',
      '＋49 30 1234567',
      '\u202a+49 30 1234567\u202c',
      '+49 030 1234567',
      '+49-(0)30-1234567',
      '030 1234567',
    ])
      expect({ text, key: phoneKey(text, '49') }).toEqual({ text, key: '+49301234567' });
    expect(phoneKey('+44 020 7946 0958')).toBe('+442079460958');
    expect(phoneKey('+36 06 30 123 4567', '36')).toBe(phoneKey('06 30 123 4567', '36'));
    expect(phoneKey('+370 8 612 34567')).toBe('+37061234567');
    // Italy's 0 is the number's, after its code too; a code Tandem does not know is kept as written.
    expect(phoneKey('+39 06 6982 1234')).toBe('+390669821234');
    expect(phoneKey('+225 07 12 34 56 78')).toBe('+2250712345678');
  });

  it.each([
    '030 1234567 Durchwahl 12',
    '030 1234567 (Durchwahl 12)',
    '030 1234567 DW 12',
    '030 1234567 App. 12',
    '030 1234567 int. 12',
    '030 1234567 Ext: 12',
    '030 1234567 extn 12',
    '030 1234567 poste 12',
    '030 1234567 mellék 12',
    '030 1234567 доб. 12',
  ])('leaves the extension of %j out, in the words other languages use', (text) => {
    expect(phoneKey(text, '49')).toBe('+49301234567');
  });

  it('gives no key to a number a spreadsheet turned into scientific notation', () => {
    for (const text of ['4.93012E+10', '6.17555e+9', "'1,61755E+10"])
      expect({ text, key: phoneKey(text, '49') }).toEqual({ text, key: null });
  });

  it('still keys short local numbers, so two contacts typed alike match, but not text with too few digits', () => {
    expect(phoneKey('555-0195')).toBe(phoneKey('555 0195'));
    expect(phoneKey('555-0195')).not.toBeNull();
    for (const text of ['', '   ', null, undefined, '1234', 'n/a', '1-800-FLO'])
      expect(phoneKey(text)).toBeNull();
  });

  it('does not take the last digits of a plain number for an extension', () => {
    expect(phoneKey('617 555 0195')).toBe('+16175550195');
    expect(withoutExtension('617-555-0195 x204')).toBe('617-555-0195');
    expect(withoutExtension(' 617 555 0195 ')).toBe('617 555 0195');
  });
});

describe('isPhoneText', () => {
  it('accepts numbers with punctuation and an extension', () => {
    for (const text of [
      '+1 617 555 0136',
      '(617) 555-0136',
      '617-555-0195 x204',
      '617-555-0195 ext. 12',
      '030/1234567',
    ])
      expect({ text, ok: isPhoneText(text) }).toEqual({ text, ok: true });
  });

  it('refuses words and numbers too short to dial', () => {
    for (const text of ['call me', '1-800-FLOWERS', '12', 'x204'])
      expect({ text, ok: isPhoneText(text) }).toEqual({ text, ok: false });
  });
});

describe('callingCodeFor', () => {
  it("gives the calling code of the locale's region, or its language's likely one", () => {
    expect(callingCodeFor('de-DE')).toBe('49');
    expect(callingCodeFor('de-CH')).toBe('41');
    expect(callingCodeFor('en-GB')).toBe('44');
    expect(callingCodeFor('fr')).toBe('33');
    expect(callingCodeFor('en-US')).toBe('1');
    expect(callingCodeFor('en-CA')).toBe('1');
    expect(callingCodeFor('ja-JP')).toBe('81');
  });

  it('falls back to North America for a region it does not list or a locale it cannot read', () => {
    expect(callingCodeFor('en-AQ')).toBe('1');
    expect(callingCodeFor('not a locale!')).toBe('1');
  });
});
