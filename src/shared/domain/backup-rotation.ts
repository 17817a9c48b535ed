import { startOfWeek } from './dates';
import { zonedDay } from './time-zone';

/**
 * Which automatic backups to keep: the newest of each of the 7 most recent days that have one, of each of
 * the 4 most recent weeks (Monday to Sunday) and of each of the 12 most recent months. The three rules are
 * applied each on its own and what any of them keeps is kept, so one backup can stand for its day, its
 * week and its month at once. Days are the calendar days of `timeZone` (the machine's).
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedBackup {
  id: string;
  /** When it was taken, an ISO instant. */
  at: string;
}

function keepNewestPer(sorted: { id: string; key: string }[], count: number, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const { id, key } of sorted) {
    if (seen.has(key)) continue;
    if (seen.size >= count) break;
    seen.add(key);
    keep.add(id);
  }
}

/** The ids to keep; every other automatic backup may be deleted. */
export function backupsToKeep(
  backups: readonly DatedBackup[],
  timeZone: string,
  policy: RotationPolicy = ROTATION,
): Set<string> {
  const days = [...backups]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1))
    .map((b) => ({ id: b.id, day: zonedDay(Date.parse(b.at), timeZone) }));
  const keep = new Set<string>();
  keepNewestPer(
    days.map((d) => ({ id: d.id, key: d.day })),
    policy.daily,
    keep,
  );
  keepNewestPer(
    days.map((d) => ({ id: d.id, key: startOfWeek(d.day, 1) })),
    policy.weekly,
    keep,
  );
  keepNewestPer(
    days.map((d) => ({ id: d.id, key: d.day.slice(0, 7) })),
    policy.monthly,
    keep,
  );
  return keep;
}
