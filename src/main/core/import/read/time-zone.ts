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

/** True when Node's ICU knows the IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in `timeZone` at the instant `utcMs` (New York in winter: -300). */
export function offsetMinutesAt(timeZone: string, utcMs: number): number {
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
  const candidates = [...new Set([before, after])]
    .map((offset) => wallMs - offset * 60_000)
    .filter((utc) => offsetMinutesAt(timeZone, utc) * 60_000 === wallMs - utc);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: read the wall time with the offset in force before the change.
  return wallMs - before * 60_000;
}
