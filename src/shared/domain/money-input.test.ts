import { describe, expect, it } from 'vitest';
import {
  countInputText,
  moneyInputText,
  parseCountInput,
  parseMoneyInput,
  parseNumberInput,
} from './money-input';

const minor = (text: string, locale = 'en-US', currency = 'USD') => {
  const r = parseMoneyInput(text, locale, currency);
  return r.ok ? r.value : `ERROR ${r.message}`;
};

describe('parseMoneyInput', () => {
  it('reads empty text as no value, whatever the form does with it', () => {
    expect(parseMoneyInput('', 'en-US', 'USD')).toEqual({ ok: true, value: null });
    expect(parseMoneyInput('   ', 'de-DE', 'EUR')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['1,234.56', 'en-US', 'USD', 123456],
    ['1234.56', 'en-US', 'USD', 123456],
    ['1,234,567', 'en-US', 'USD', 123456700],
    ['.5', 'en-US', 'USD', 50],
    ['12.', 'en-US', 'USD', 1200],
    ['$1,234.56', 'en-US', 'USD', 123456],
    ['USD 12', 'en-US', 'USD', 1200],
    ['12 usd', 'en-US', 'USD', 1200],
    ['-$12.50', 'en-US', 'USD', -1250],
    ['1.234,56', 'de-DE', 'EUR', 123456],
    ['1234,56', 'de-DE', 'EUR', 123456],
    ['1.234,56 €', 'de-DE', 'EUR', 123456],
    ['€ 1.234,56', 'de-DE', 'EUR', 123456],
    ['EUR 12,5', 'de-DE', 'EUR', 1250],
    ['1 234,56', 'fr-FR', 'EUR', 123456],
    ['1\u202f234,56 €', 'fr-FR', 'EUR', 123456],
    ['1.234', 'de-DE', 'EUR', 123400],
    ['1,234', 'en-US', 'JPY', 1234],
    ['¥1,234', 'en-US', 'JPY', 1234],
    ['12.345', 'en-US', 'KWD', 12345],
  ])('reads %j in %s (%s) as %d minor units', (text, locale, currency, expected) => {
    expect(minor(text, locale, currency)).toBe(expected);
  });

  it.each([
    ['abc', 'en-US', 'USD', /^ERROR enter an amount such as 1,250\.5$/],
    ['12abc', 'en-US', 'USD', /enter an amount such as/],
    ['1.2.3', 'en-US', 'USD', /enter an amount such as/],
    ['1,5', 'en-US', 'USD', /enter an amount such as 1,250\.5/],
    ['12.50', 'de-DE', 'EUR', /enter an amount such as 1\.250,5/],
    ['$', 'en-US', 'USD', /enter an amount such as/],
    ['£12', 'en-US', 'USD', /enter an amount such as/],
    ['1e3', 'en-US', 'USD', /enter an amount such as/],
    ['12.345', 'en-US', 'USD', /at most 2 decimal places/],
    ['12.5', 'en-US', 'JPY', /JPY has no smaller unit/],
  ])('refuses %j in %s (%s) with a clear message', (text, locale, currency, message) => {
    expect(minor(text, locale, currency)).toMatch(message);
  });
});

describe('parseNumberInput and parseCountInput', () => {
  it('read numbers in the locale and empty as null', () => {
    expect(parseNumberInput('1.250,5', 'de-DE')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumberInput('', 'de-DE')).toEqual({ ok: true, value: null });
    expect(parseNumberInput('ten', 'en-US')).toEqual({
      ok: false,
      message: 'enter a number such as 1,250.5',
    });
  });

  it('refuse fractions of a count', () => {
    expect(parseCountInput('1,200', 'en-US')).toEqual({ ok: true, value: 1200 });
    expect(parseCountInput('2.5', 'en-US')).toEqual({ ok: false, message: 'enter a whole number' });
    expect(parseCountInput('', 'en-US')).toEqual({ ok: true, value: null });
  });
});

describe('moneyInputText', () => {
  it('writes minor units as editable text that reads back to the same amount', () => {
    expect(moneyInputText(123450, 'en-US', 'USD')).toBe('1234.50');
    expect(moneyInputText(120000, 'en-US', 'USD')).toBe('1200');
    expect(moneyInputText(123450, 'de-DE', 'EUR')).toBe('1234,50');
    expect(moneyInputText(1234, 'en-US', 'JPY')).toBe('1234');
    expect(moneyInputText(null, 'en-US', 'USD')).toBe('');
    for (const [m, locale, currency] of [
      [123456, 'de-DE', 'EUR'],
      [5, 'en-US', 'USD'],
      [123450, 'fr-FR', 'EUR'],
    ] as const)
      expect(parseMoneyInput(moneyInputText(m, locale, currency), locale, currency)).toEqual({
        ok: true,
        value: m,
      });
    expect(countInputText(null)).toBe('');
    expect(countInputText(12)).toBe('12');
  });
});
