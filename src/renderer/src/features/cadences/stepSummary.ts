import { activityLabel } from '../leads/activity-types';

/**
 * A cadence's steps in words, for the list: "E-mail on the start day, call on day 2 and LinkedIn message on
 * day 6". Day 0 is the day the lead is enrolled.
 */
export function stepSummary(steps: readonly { dayOffset: number; type: string }[]): string {
  const parts = steps.map((s, i) => {
    const label = activityLabel(s.type);
    const name = i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
    // "LinkedIn" keeps its capital wherever it stands.
    const word = s.type === 'linkedin' ? label : name;
    return `${word} ${s.dayOffset === 0 ? 'on the start day' : `on day ${s.dayOffset}`}`;
  });
  if (parts.length <= 1) return parts[0] ?? 'No steps yet';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
