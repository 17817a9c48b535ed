import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, splitMulti } from './values';

const phone = (text: string, defaultCountryCode?: string) => {
  const r = normalizePhone(text, { defaultCountryCode });
  return r.ok ? r.value : `ERROR ${r.reason}`;
};
const email = (text: string) => {
  const r = normalizeEmail(text);
  return r.ok ? r.value : `ERROR ${r.reason}`;
};

describe('normalizePhone', () => {
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
    ['617-555-0195 x204', '+16175550195'],
    ['(617) 555-0195 ext. 12', '+16175550195'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 (0)30 1234567', '+49301234567'],
    ['+44 (0)20 7946 0958', '+442079460958'],
  ])('normalises %j to %s', (text, expected) => {
    expect(phone(text)).toBe(expected);
  });

  it('makes a US 10-digit number and its +1 11-digit form equal', () => {
    expect(phone('(617) 555-0136')).toBe(phone('+1 617-555-0136'));
  });

  it('applies another default country code and drops the national trunk 0', () => {
    expect(phone('020 7946 0958', '44')).toBe('+442079460958');
    expect(phone('030 1234567', '49')).toBe('+49301234567');
    expect(phone('+1 617 555 0195', '44')).toBe('+16175550195');
  });

  it.each([
    ['', /empty/],
    ['555-0195', /10 digits/],
    ['1-800-FLOWERS', /expected a phone number/],
    ['+1 617 555 01', /10 digits after \+1/],
    ['+1234567890123456', /expected a phone number/],
    ['call me', /expected a phone number/],
  ])('rejects %j', (text, reason) => {
    expect(phone(text)).toMatch(reason);
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases so exports that differ in case match', () => {
    expect(email('  Aria.Dubois@PemaquidCoffee.com ')).toBe('aria.dubois@pemaquidcoffee.com');
    expect(email('mailto:ops@example.com')).toBe('ops@example.com');
    expect(email('Aria Dubois <Aria@Example.com>')).toBe('aria@example.com');
    expect(email('first.last+tag@sub.example.co.uk')).toBe('first.last+tag@sub.example.co.uk');
  });

  it.each(['', 'not an email', 'a@b', 'a@@b.com', 'a b@c.com', 'a@b.com, c@d.com', '@example.com'])(
    'rejects %j',
    (text) => {
      expect(email(text)).toMatch(/^ERROR expected an e-mail address like name@example\.com/);
    },
  );
});

describe('splitMulti', () => {
  it('splits Google Contacts " ::: " lists', () => {
    expect(splitMulti('* myContacts ::: Wholesale')).toEqual(['* myContacts', 'Wholesale']);
    expect(splitMulti('a@x.com ::: b@y.com')).toEqual(['a@x.com', 'b@y.com']);
  });

  it('splits Pipedrive ", " lists', () => {
    expect(splitMulti('a@x.com, b@y.com')).toEqual(['a@x.com', 'b@y.com']);
  });

  it('prefers ::: when present so commas inside values survive', () => {
    expect(splitMulti('Boston, MA ::: Portland, ME')).toEqual(['Boston, MA', 'Portland, ME']);
  });

  it('returns one value or none for plain cells', () => {
    expect(splitMulti('a@x.com')).toEqual(['a@x.com']);
    expect(splitMulti('  ')).toEqual([]);
    expect(splitMulti('a@x.com, , ')).toEqual(['a@x.com']);
  });
});
