import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate, parseInstant, type DateOptions } from './values';

const date = (text: string, options?: DateOptions) => {
  const r = parseDate(text, options);
  return r.ok ? r.value : `ERROR ${r.reason}`;
};
const instant = (text: string, options?: DateOptions) => {
  const r = parseInstant(text, options);
  return r.ok ? r.value : `ERROR ${r.reason}`;
};

describe('parseDate', () => {
  it.each([
    ['2026-03-10', '2026-03-10'],
    ['2026-3-7', '2026-03-07'],
    ['2026/03/10', '2026-03-10'],
    ['20260310', '2026-03-10'],
    ['10.03.2026', '2026-03-10'],
    ['3/13/2026', '2026-03-13'],
    ['03/13/2026', '2026-03-13'],
    ['13/03/2026', '2026-03-13'],
    ['Mar 10, 2026', '2026-03-10'],
    ['March 10, 2026', '2026-03-10'],
    ['Sept 1, 2026', '2026-09-01'],
    ['10 Mar 2026', '2026-03-10'],
    ['Tue, 10 Mar 2026 09:30:00 +0000', '2026-03-10'],
    ['Mar 10, 2026 09:30 am', '2026-03-10'],
    ['2026-09-30 19:11', '2026-09-30'],
    ['2026-03-08 23:30:00 -0500', '2026-03-08'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('reads day/month dates in the order given for the column', () => {
    expect(date('03/04/2026', { order: 'MDY' })).toBe('2026-03-04');
    expect(date('03/04/2026', { order: 'DMY' })).toBe('2026-04-03');
    expect(date('3-4-2026', { order: 'DMY' })).toBe('2026-04-03');
    expect(date('3/10/2026', { order: 'MDY' })).toBe('2026-03-10');
    expect(date('09/30/2026', { order: 'MDY' })).toBe('2026-09-30');
  });

  it('reads two-digit years as spreadsheets do (00–29 this century, 30–99 the last)', () => {
    expect(date('12/31/23')).toBe('2023-12-31');
    expect(date('3/14/24 10:15')).toBe('2024-03-14');
    expect(date('14.03.24')).toBe('2024-03-14');
    expect(date('03/04/29', { order: 'DMY' })).toBe('2029-04-03');
    expect(date('1/31/30')).toBe('1930-01-31');
    expect(date('14-Mar-24')).toBe('2024-03-14');
    expect(date('14-Mar-2024')).toBe('2024-03-14');
    expect(date('2/29/23')).toMatch(/^ERROR 2023-02-29 is not a real date/);
    // A year of three digits is not a shortened one.
    expect(date('3/14/202')).toMatch(/^ERROR expected a date like/);
  });

  it('needs no order for a date whose two readings are the same day', () => {
    expect(date('3/3/2026 8:00')).toBe('2026-03-03');
    expect(date('12/12/2026')).toBe('2026-12-12');
  });

  it('refuses an ambiguous day/month date without an order instead of guessing', () => {
    expect(date('03/04/2026')).toBe(
      'ERROR 03/04/2026 could be 3 April or March 4; choose the day/month order for this column',
    );
  });

  it.each([
    ['2026-02-30', /2026-02-30 is not a real date \(February 2026 has 28 days\)/],
    ['2026-02-29', /February 2026 has 28 days/],
    ['1900-02-29', /February 1900 has 28 days/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2026-13-01', /month 13 does not exist/],
    ['20261301', /month 13 does not exist/],
    ['31.02.2026', /not a real date/],
    ['02/30/2026', /not a real date/],
    ['13/13/2026', /month 13 does not exist/],
    ['13/03/2026 and more words', /expected a date/],
    ['Foo 10, 2026', /not a month name/],
    ['next tuesday', /expected a date like 2026-03-10/],
    ['', /empty/],
    ['2026-03-10 25:00', /not a valid time/],
    ['2026-03-10 09:60', /not a valid time/],
    ['Mar 10, 2026 13:30 pm', /12-hour clock/],
    ['2026-03-10 09:30 +1500', /not a valid UTC offset/],
  ])('rejects %j', (text, reason) => {
    expect(date(text)).toMatch(reason);
  });

  it('rejects a day/month date that does not fit the chosen order', () => {
    expect(date('13/03/2026', { order: 'MDY' })).toMatch(/month 13 does not exist/);
  });
});

describe('parseInstant', () => {
  it('applies an offset written in the text, as written', () => {
    expect(instant('2026-03-10 09:30:00 -0500')).toBe('2026-03-10T14:30:00.000Z');
    expect(instant('2026-03-10T09:30:00+05:30')).toBe('2026-03-10T04:00:00.000Z');
    expect(instant('2026-03-10T09:30:00Z')).toBe('2026-03-10T09:30:00.000Z');
    expect(instant('2026-03-10T09:30:00.123Z')).toBe('2026-03-10T09:30:00.123Z');
    expect(instant('2026-03-10T09:30:00.57Z')).toBe('2026-03-10T09:30:00.570Z');
    expect(instant('2026-03-10 09:30 UTC')).toBe('2026-03-10T09:30:00.000Z');
  });

  it('handles the US daylight-saving switch as Shopify writes it (offset changes on 2026-03-08)', () => {
    // 01:59:59 EST and 03:00:00 EDT are one second apart.
    expect(instant('2026-03-08 01:59:59 -0500')).toBe('2026-03-08T06:59:59.000Z');
    expect(instant('2026-03-08 03:00:00 -0400')).toBe('2026-03-08T07:00:00.000Z');
    // In November the same wall time happens twice; the written offset tells them apart.
    expect(instant('2026-11-01 01:30:00 -0400')).toBe('2026-11-01T05:30:00.000Z');
    expect(instant('2026-11-01 01:30:00 -0500')).toBe('2026-11-01T06:30:00.000Z');
  });

  it('uses timeZoneOffsetMinutes (default 0) when the text has no offset', () => {
    expect(instant('2026-09-30 19:11')).toBe('2026-09-30T19:11:00.000Z');
    expect(instant('2026-09-30 19:11', { timeZoneOffsetMinutes: -240 })).toBe('2026-09-30T23:11:00.000Z');
    expect(instant('2026-09-30 19:11 +0200', { timeZoneOffsetMinutes: -240 })).toBe(
      '2026-09-30T17:11:00.000Z',
    );
    expect(instant('2026-03-10', { timeZoneOffsetMinutes: 60 })).toBe('2026-03-09T23:00:00.000Z');
  });

  it('uses an IANA time zone with its daylight-saving rules when given', () => {
    const ny = { timeZone: 'America/New_York' };
    expect(instant('2026-01-15 12:00', ny)).toBe('2026-01-15T17:00:00.000Z');
    expect(instant('2026-07-15 12:00', ny)).toBe('2026-07-15T16:00:00.000Z');
    // 02:30 does not exist on 2026-03-08 in New York: moved forward to 03:30 EDT.
    expect(instant('2026-03-08 02:30', ny)).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the first (EDT) is taken.
    expect(instant('2026-11-01 01:30', ny)).toBe('2026-11-01T05:30:00.000Z');
    expect(instant('2026-03-10', { timeZone: 'Mars/Olympus' })).toMatch(/unknown time zone/);
  });

  it('reads 12-hour clock times', () => {
    expect(instant('Mar 10, 2026 09:30 am')).toBe('2026-03-10T09:30:00.000Z');
    expect(instant('Mar 10, 2026 12:05 am')).toBe('2026-03-10T00:05:00.000Z');
    expect(instant('Mar 10, 2026 12:05 PM')).toBe('2026-03-10T12:05:00.000Z');
    expect(instant('Mar 10, 2026 9:30 p.m.')).toBe('2026-03-10T21:30:00.000Z');
  });

  it("reads long dates with ' at ', North American zone names, GMT offsets and Unix times", () => {
    const ny = { timeZone: 'America/New_York' };
    expect(instant('March 4, 2026 at 10:05 AM', ny)).toBe('2026-03-04T15:05:00.000Z');
    expect(instant('Wednesday, March 4, 2026 at 10:05 PM', ny)).toBe('2026-03-05T03:05:00.000Z');
    // A written zone name wins over the job's zone.
    expect(instant('Mar 04, 2026 10:05 am EST', { timeZone: 'UTC' })).toBe('2026-03-04T15:05:00.000Z');
    expect(instant('2026-07-04 10:05 PDT')).toBe('2026-07-04T17:05:00.000Z');
    expect(instant('2026-07-04 10:05 GMT+2')).toBe('2026-07-04T08:05:00.000Z');
    expect(instant('2026-07-04 10:05 UTC-05:00')).toBe('2026-07-04T15:05:00.000Z');
    expect(instant('1772633100', ny)).toBe('2026-03-04T14:05:00.000Z');
    expect(instant('1772633100123')).toBe('2026-03-04T14:05:00.123Z');
    expect(parseDate('1772633100')).toEqual({ ok: true, value: '2026-03-04' });
    // 03:33 UTC on 4 March is still 3 March in New York: a Unix time's day is the job's zone's.
    expect(parseDate('1772595180', ny)).toEqual({ ok: true, value: '2026-03-03' });
    expect(parseDate('1772595180', { timeZone: 'UTC' })).toEqual({ ok: true, value: '2026-03-04' });
    expect(instant('9999999999')).toMatch(/as seconds since 1970 it falls outside 2000–2099/);
    expect(instant('9999999999999')).toMatch(/as milliseconds since 1970 it falls outside 2000–2099/);
    expect(instant('2026-07-04 10:05 XST')).toMatch(/expected a date/);
  });

  it('rejects non-existent dates in timestamps too', () => {
    expect(instant('2026-02-30 10:00:00 -0500')).toMatch(/not a real date/);
  });
});

describe('the plain ISO fast path', () => {
  // A leading space sends a value down the general path (it trims first), so each value is read both ways.
  it('reads every YYYY-MM-DD[ HH:MM[:SS]] value as the general pattern does, valid or not', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const value = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two,
        two,
        fc.option(fc.tuple(fc.constantFrom('T', ' '), two, two, fc.option(two, { nil: undefined })), {
          nil: undefined,
        }),
      )
      .map(
        ([y, mo, d, time]) =>
          `${y}-${mo}-${d}${time ? `${time[0]}${time[1]}:${time[2]}${time[3] ? `:${time[3]}` : ''}` : ''}`,
      );
    const zone = fc.constantFrom<DateOptions>(
      {},
      { timeZone: 'America/New_York' },
      { timeZone: 'Europe/Berlin' },
      { timeZoneOffsetMinutes: 330 },
    );
    fc.assert(
      fc.property(value, zone, (text, options) => {
        expect(instant(text, options)).toBe(instant(` ${text}`, options));
        expect(date(text, options)).toBe(date(` ${text}`, options));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the wall times around daylight-saving changes as before', () => {
    // Spring forward: 02:30 does not exist in New York on 2026-03-08; autumn: 01:30 happens twice on 2026-11-01.
    for (const text of ['2026-03-08 02:30', '2026-11-01 01:30', '2026-03-29 02:30', '2026-10-25 02:30'])
      for (const timeZone of ['America/New_York', 'Europe/Berlin'])
        expect(instant(text, { timeZone })).toBe(instant(` ${text}`, { timeZone }));
    expect(instant('2026-03-08 02:30', { timeZone: 'America/New_York' })).toBe('2026-03-08T07:30:00.000Z');
    expect(instant('2026-11-01 01:30', { timeZone: 'America/New_York' })).toBe('2026-11-01T05:30:00.000Z');
  });
});
