import { describe, expect, it } from 'vitest';
import { normalizeEmail, splitEmails, splitMulti } from './values';

const email = (text: string) => {
  const r = normalizeEmail(text);
  return r.ok ? r.value : `ERROR ${r.reason}`;
};

describe('normalizeEmail', () => {
  it('trims and lower-cases so exports that differ in case match', () => {
    expect(email('  Aria.Dubois@PemaquidCoffee.com ')).toBe('aria.dubois@pemaquidcoffee.com');
    expect(email('mailto:ops@example.com')).toBe('ops@example.com');
    expect(email('Aria Dubois <Aria@Example.com>')).toBe('aria@example.com');
    expect(email('first.last+tag@sub.example.co.uk')).toBe('first.last+tag@sub.example.co.uk');
  });

  it('reads the other ways exports and web pages write an address', () => {
    expect(email('ann@able.com\u200B')).toBe('ann@able.com');
    expect(email('\uFEFFann@ab\u00ADle.com')).toBe('ann@able.com');
    expect(email('Aria Dubois (Aria.Dubois@example.com)')).toBe('aria.dubois@example.com');
    expect(email('MAILTO:x@y.com?subject=hi')).toBe('x@y.com');
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

describe('splitEmails', () => {
  it("splits Outlook's '; ', Google's ' ::: ' and ', ' lists", () => {
    expect(splitEmails('a@x.com; b@y.com')).toEqual(['a@x.com', 'b@y.com']);
    expect(splitEmails('a@x.com ::: b@y.com')).toEqual(['a@x.com', 'b@y.com']);
    expect(splitEmails('a@x.com, b@y.com')).toEqual(['a@x.com', 'b@y.com']);
  });

  it('leaves a cell without an address whole, so its error quotes it', () => {
    expect(splitEmails('Smith, Jane; Doe')).toEqual(['Smith, Jane; Doe']);
    expect(splitEmails(' ')).toEqual([]);
  });

  it("splits on '; ' before ', ', which then stays inside a part", () => {
    expect(splitEmails('Smith, Jane <jane@x.com>; b@y.com')).toEqual(['Smith, Jane <jane@x.com>', 'b@y.com']);
  });
});
