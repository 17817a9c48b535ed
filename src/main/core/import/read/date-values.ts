import type { ParseResult } from './number-values';
import type { DateOrder } from '@shared/import/date-order';
import { isTimeZone, wallTimeToUtc, zonedDay } from '@shared/domain/time-zone';

export type { DateOrder };

export interface DateOptions {
  /** Day/month order of a column of "03/04/2026"-style dates; see detectDateOrder in src/shared/import/date-order.ts. */
  order?: DateOrder;
  /**
   * Offset for timestamps written without one, in minutes east of UTC (New York in winter is
   * -300; note the opposite sign of Date#getTimezoneOffset). Default 0.
   */
  timeZoneOffsetMinutes?: number;
  /** IANA zone for timestamps without an offset; wins over timeZoneOffsetMinutes. */
  timeZone?: string;
}

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  hasTime: boolean;
  /** Offset written in the text, minutes east of UTC; null when none was written. */
  offset: number | null;
  /** For a Unix time, the instant it names: it has no wall date of its own. */
  epochMs?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EXAMPLE = 'expected a date like 2026-03-10';

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?`;
/** `Z`, `UTC`, `GMT`, `+05:30`, `GMT-5`, and North America's zone names (`EST`, `PDT`…), as US exports write them. */
const ZONE = String.raw`(?:\s*(z|(?:utc|gmt)\s?[+-]\d{1,2}(?::?\d{2})?|utc|gmt|[ecmp][sd]t|ak[sd]t|hst|[+-]\d{2}(?::?\d{2})?))?`;
/** A time after the date: `T14:05`, ` 14:05`, `, 14:05`, ` at 10:05 AM` (Apple's and Google's long dates). */
const TAIL = String.raw`(?:(?:t|\s+at\s+|\s+|,\s*)${TIME}${ZONE})?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TAIL}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Seconds (10 digits) or milliseconds (13) since 1970, as APIs and some exports write instants. */
const UNIX_TIME = /^(\d{10}|\d{13})$/;
/** 2000-01-01 and 2100-01-01 in seconds: a number outside is not taken for a date. */
const UNIX_FROM = 946_684_800;
const UNIX_TO = 4_102_444_800;
/**
 * The common shape of machine-written exports ("2026-03-10", "2026-03-10 14:05", "2026-03-10T14:05:09"), read
 * before the general pattern: that one first tidies the text's spaces and tries every group, ≈ 1 µs a cell.
 * What it matches, YEAR_FIRST reads alike (read/date-values.test.ts checks both on the same values).
 */
const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TAIL}$`, 'i');
const MONTH_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TAIL}$`,
  'i',
);
const DAY_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:\.?\s+|-)([a-z]{3,9})(?:\.?,?\s+|-)(\d{4}|\d{2})${TAIL}$`,
  'i',
);

/**
 * A two-digit year as spreadsheets read one (Excel's and LibreOffice's default window): 00–29 are 2000–2029,
 * 30–99 are 1930–1999. `12/31/23` is 31 December 2023.
 */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * Calendar date as YYYY-MM-DD, the date as written (a timestamp's own wall date, whatever its
 * offset); a Unix time, which has no wall date, is the day it falls on in options.timeZone.
 * Accepts YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, M/D/YYYY or D/M/YYYY (by `order`),
 * "Mar 10, 2026", "10 March 2026", "10-Mar-2026", each optionally followed by a time; the day/month forms
 * also with a two-digit year (`fullYear`).
 */
export function parseDate(text: string, options: DateOptions = {}): ParseResult<string> {
  const parts = parseDateTimeParts(text, options.order);
  if (!parts.ok) return parts;
  const { year, month, day, epochMs } = parts.value;
  if (epochMs !== undefined && options.timeZone !== undefined && isTimeZone(options.timeZone))
    return { ok: true, value: zonedDay(epochMs, options.timeZone) };
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * Instant as UTC ISO (YYYY-MM-DDTHH:MM:SS.sssZ). An offset written in the text ("-0500", "Z")
 * is applied as written; otherwise options.timeZone or timeZoneOffsetMinutes. A date without a
 * time means midnight there.
 */
export function parseInstant(text: string, options: DateOptions = {}): ParseResult<string> {
  const parts = parseDateTimeParts(text, options.order);
  if (!parts.ok) return parts;
  const p = parts.value;
  let wallMs: number;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes them as written.
  if (p.year >= 100) wallMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  else {
    const wall = new Date(0);
    wall.setUTCFullYear(p.year, p.month - 1, p.day);
    wall.setUTCHours(p.hour, p.minute, p.second, p.ms);
    wallMs = wall.getTime();
  }
  let utc: number;
  if (p.offset !== null) utc = wallMs - p.offset * 60_000;
  else if (options.timeZone !== undefined) {
    if (!isTimeZone(options.timeZone)) return fail(`unknown time zone "${options.timeZone}"`);
    utc = wallTimeToUtc(wallMs, options.timeZone);
  } else utc = wallMs - (options.timeZoneOffsetMinutes ?? 0) * 60_000;
  return { ok: true, value: new Date(utc).toISOString() };
}

function parseDateTimeParts(text: string, order: DateOrder | undefined): ParseResult<DateTimeParts> {
  let m: RegExpExecArray | null;
  let year: number;
  let month: number;
  let day: number;
  let rest: Array<string | undefined> = [];
  let s: string;

  if ((m = PLAIN_ISO.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    rest = [m[4], m[5], m[6]];
  } else if ((s = text.trim().replace(/\s+/g, ' ')) === '') {
    return fail(`${EXAMPLE}, but the cell is empty`);
  } else if ((m = YEAR_FIRST.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    rest = m.slice(5);
  } else if ((m = COMPACT.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = UNIX_TIME.exec(s))) {
    return unixTimeParts(m[1] ?? '');
  } else if ((m = NUMERIC.exec(s))) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    year = fullYear(m[4] ?? '');
    // 3/3/2026 reads the same either way: no order needed.
    const chosen =
      order ?? (m[2] === '.' || first === second ? 'DMY' : first > 12 ? 'DMY' : second > 12 ? 'MDY' : null);
    if (!chosen) {
      const dayFirst = `${first} ${MONTH_NAMES[second - 1] ?? ''}`;
      const monthFirst = `${MONTH_NAMES[first - 1] ?? ''} ${second}`;
      return fail(
        `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]} could be ${dayFirst} or ${monthFirst}; choose the day/month order for this column`,
      );
    }
    [day, month] = chosen === 'DMY' ? [first, second] : [second, first];
    rest = m.slice(5);
  } else if ((m = MONTH_FIRST.exec(s)) || (m = DAY_FIRST.exec(s))) {
    const monthFirst = /^\d/.test(m[2] ?? '');
    const name = (monthFirst ? m[1] : m[2]) ?? '';
    month = monthNumber(name);
    if (month === 0) return fail(`"${name}" is not a month name (${EXAMPLE})`);
    day = Number(monthFirst ? m[2] : m[1]);
    year = fullYear(m[3] ?? '');
    rest = m.slice(4);
  } else {
    return fail(EXAMPLE);
  }

  if (month < 1 || month > 12) return fail(`month ${month} does not exist (${EXAMPLE})`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return fail(
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} is not a real date (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`,
    );
  }
  const time = parseTime(rest);
  if (!time.ok) return time;
  return { ok: true, value: { year, month, day, ...time.value } };
}

/** A Unix time as the UTC date and time it names. */
function unixTimeParts(digits: string): ParseResult<DateTimeParts> {
  const millis = digits.length === 13;
  const ms = millis ? Number(digits) : Number(digits) * 1000;
  if (ms < UNIX_FROM * 1000 || ms >= UNIX_TO * 1000)
    return fail(
      `${digits} is not a date: as ${millis ? 'milliseconds' : 'seconds'} since 1970 it falls outside 2000–2099 (${EXAMPLE})`,
    );
  const d = new Date(ms);
  return {
    ok: true,
    value: {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      hasTime: true,
      offset: 0,
      epochMs: ms,
    },
  };
}

type TimeParts = Pick<DateTimeParts, 'hour' | 'minute' | 'second' | 'ms' | 'hasTime' | 'offset'>;

function parseTime([h, mi, se, fr, ampm, zone]: Array<string | undefined>): ParseResult<TimeParts> {
  if (h === undefined)
    return { ok: true, value: { hour: 0, minute: 0, second: 0, ms: 0, hasTime: false, offset: null } };
  let hour = Number(h);
  const minute = Number(mi);
  const second = se === undefined ? 0 : Number(se);
  const ms = fr === undefined ? 0 : Number(fr.padEnd(3, '0').slice(0, 3));
  if (ampm) {
    if (hour < 1 || hour > 12) return fail(`${h} is not an hour on a 12-hour clock`);
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59)
    return fail(`${h}:${mi}${se ? `:${se}` : ''} is not a valid time`);
  const offset = parseOffset(zone);
  if (offset === undefined) return fail(`"${zone}" is not a valid UTC offset`);
  return { ok: true, value: { hour, minute, second, ms, hasTime: true, offset } };
}

/** Hours east of UTC of the zone names North American exports write (`10:05 AM EST`). */
const ZONE_NAMES: Record<string, number> = {
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  akst: -9,
  akdt: -8,
  hst: -10,
};

/** "-0500", "+05:30", "+02", "Z", "GMT-5", "EST" → minutes east of UTC; undefined when out of range. */
function parseOffset(zone: string | undefined): number | null | undefined {
  if (zone === undefined) return null;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const named = ZONE_NAMES[zone.toLowerCase()];
  if (named !== undefined) return named * 60;
  const m = /^(?:(?:utc|gmt)\s?)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index === -1) return 0;
  const full = (MONTH_NAMES[index] ?? '').toLowerCase();
  // "Mar", "March" and "Sept" are fine; "Marchx" is not.
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
