// Property-based tests of cell values: dates, instants, numbers, money, e-mail and lists give a real value
// or a reason for any text, and read back what they were given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './fuzz-support';
import {
  detectDecimalSeparator,
  normalizeEmail,
  parseDate,
  parseDecimal,
  parseInstant,
  splitMulti,
  toMinorUnits,
} from './values';

describe('cell values', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom(
        '0',
        '1',
        '9',
        '.',
        ',',
        '-',
        '+',
        '/',
        ':',
        ' ',
        'e',
        'E',
        '%',
        '$',
        '(',
        ')',
        'T',
        'Z',
        'a',
        'p',
        'm',
        'Mar',
        '\u00a0',
        '\u0000',
      ),
      maxLength: 40,
    }),
    // Long runs of one piece: the shape that makes a backtracking pattern take exponential time.
    fc
      .tuple(
        fc.constantFrom('1', ' ', '1 ', '1,', '1.', '12:', 'Mar ', 'a', '-', '0'),
        fc.integer({ min: 1_000, max: 30_000 }),
        fc.constantFrom('', 'x', '!', ' 2026'),
      )
      .map(([piece, n, end]) => piece.repeat(n) + end),
  );

  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

  it('parseDate and parseInstant return a real date or instant, or a reason, for any text', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom(undefined, 'DMY', 'MDY'),
        fc.option(fc.integer({ min: -14 * 60, max: 14 * 60 }), { nil: undefined }),
        fc.constantFrom(undefined, 'America/New_York', 'Asia/Kolkata', 'Mars/Olympus', ''),
        (text, order, timeZoneOffsetMinutes, timeZone) => {
          const date = parseDate(text, { order });
          if (date.ok) {
            expect(date.value).toMatch(ISO_DATE);
            expect(new Date(`${date.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date.value);
          } else expect(date.reason).not.toBe('');
          const instant = parseInstant(text, { order, timeZoneOffsetMinutes, timeZone });
          if (instant.ok) {
            expect(instant.value).toMatch(ISO_INSTANT);
            expect(new Date(instant.value).toISOString()).toBe(instant.value);
          } else expect(instant.reason).not.toBe('');
        },
      ),
      runs(400),
    );
  });

  it('parseDate reads back any calendar date it is given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseDate(iso)).toEqual({ ok: true, value: iso });
        },
      ),
      runs(300),
    );
  });

  it('numbers, money, e-mail and lists: a finite value or a reason, for any text', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom(undefined, '.', ','),
        fc.integer({ min: 0, max: 4 }),
        (text, decimalSeparator, decimals) => {
          const number = parseDecimal(text, { decimalSeparator });
          if (number.ok) expect(Number.isFinite(number.value)).toBe(true);
          else expect(number.reason).not.toBe('');
          const money = toMinorUnits(text, decimals, { decimalSeparator });
          if (money.ok) expect(Number.isSafeInteger(money.value)).toBe(true);
          else expect(money.reason).not.toBe('');
          const email = normalizeEmail(text);
          if (email.ok) expect(email.value).toMatch(/^[^\s@]+@[^\s@]+$/);
          for (const part of splitMulti(text)) expect(part).toBe(part.trim());
          expect(['.', ',', 'ambiguous', 'none']).toContain(detectDecimalSeparator([text, text.slice(1)]));
        },
      ),
      runs(400),
    );
  });

  it('plain amounts ("1234.50", "-3") read the same by the quick path as by the general parser', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?\d{1,17}(\.\d{1,17})?$/),
        fc.constantFrom(undefined, '.', ','),
        fc.integer({ min: 0, max: 4 }),
        (text, decimalSeparator, decimals) => {
          // Surrounding spaces keep a value off the quick path; the general parser trims them.
          const general = ` ${text} `;
          expect(parseDecimal(text, { decimalSeparator })).toEqual(
            parseDecimal(general, { decimalSeparator }),
          );
          expect(toMinorUnits(text, decimals, { decimalSeparator })).toEqual(
            toMinorUnits(general, decimals, { decimalSeparator }),
          );
        },
      ),
      runs(1000),
    );
  });

  it('toMinorUnits reads back any amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const text = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
        expect(toMinorUnits(text)).toEqual({ ok: true, value: cents });
      }),
      runs(300),
    );
  });
});
