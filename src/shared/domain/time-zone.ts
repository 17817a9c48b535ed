/**
 * Wall clocks of IANA time zones, for every place that needs one: imports reading exports without offsets,
 * scheduled reports, backup rotation by local day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone this machine's Intl knows (`UTC`, `Europe/Berlin`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets per zone and quarter hour: every real transition falls on a quarter hour, and a file of a million
 * timestamps has only a few thousand distinct quarter hours, while formatToParts costs microseconds.
 */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR_MS = 900_000;

/** Offset of a whole UTC day, or null on a day with a transition (then quarter hours are looked at). */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_MS = 86_400_000;

/** The zone's own map (numbers as keys: no key string is built per look-up), emptied when it grows large. */
function zoneMap<T>(maps: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let map = maps.get(timeZone);
  if (!map) maps.set(timeZone, (map = new Map()));
  else if (map.size > 100_000) map.clear();
  return map;
}

/** Minutes east of UTC in `timeZone` at the instant `utcMs` (New York in winter: -300). */
export function offsetMinutesAt(timeZone: string, utcMs: number): number {
  const day = Math.floor(utcMs / DAY_MS);
  let whole = dayOffsets.get(timeZone)?.get(day);
  if (whole === undefined) {
    // Computed before the zone gets a map, so a zone Intl does not know leaves nothing behind when it throws.
    const first = computeOffset(timeZone, day * DAY_MS);
    whole = first === computeOffset(timeZone, (day + 1) * DAY_MS - 1000) ? first : null;
    zoneMap(dayOffsets, timeZone).set(day, whole);
  }
  if (whole !== null) return whole;
  const key = Math.floor(utcMs / QUARTER_HOUR_MS);
  let offset = offsets.get(timeZone)?.get(key);
  if (offset === undefined) zoneMap(offsets, timeZone).set(key, (offset = computeOffset(timeZone, utcMs)));
  return offset;
}

function computeOffset(timeZone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The instant at which the clocks of `timeZone` show `wallMs` (a wall time encoded as if UTC).
 * Exports without offsets (HubSpot's "account time zone") need the zone's rules, since a fixed
 * offset is wrong for half the year. Around daylight-saving switches it does what Temporal's
 * "compatible" disambiguation does: a time skipped by the spring change is moved forward by the
 * gap, and a time repeated by the autumn change means its first occurrence.
 */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  const before = offsetMinutesAt(timeZone, wallMs - 86_400_000);
  const after = offsetMinutesAt(timeZone, wallMs + 86_400_000);
  // Almost always one offset around the time: the one candidate, checked as below, without the arrays.
  if (before === after && offsetMinutesAt(timeZone, wallMs - before * 60_000) === before)
    return wallMs - before * 60_000;
  const candidates = [...new Set([before, after])]
    .map((offset) => wallMs - offset * 60_000)
    .filter((utc) => offsetMinutesAt(timeZone, utc) * 60_000 === wallMs - utc);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: read the wall time with the offset in force before the change.
  return wallMs - before * 60_000;
}

/** The calendar day the wall clock shows in `timeZone` at instant `ms`. */
export function zonedDay(ms: number, timeZone: string): string {
  return new Date(ms + offsetMinutesAt(timeZone, ms) * 60_000).toISOString().slice(0, 10);
}
