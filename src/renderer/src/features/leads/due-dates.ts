import { addDays, dayOfWeek, isRealDate } from '@shared/domain/dates';

/** Due dates of follow-ups: the quick choices and the check of a typed date. */

/** Quick due dates for follow-ups and snoozing: tomorrow, in 3 days, next week (the next Monday). */
export function quickDays(today: string): { label: string; date: string; days: number }[] {
  const toMonday = (8 - dayOfWeek(today)) % 7 || 7;
  return [
    { label: 'Tomorrow', date: addDays(today, 1), days: 1 },
    { label: 'In 3 days', date: addDays(today, 3), days: 3 },
    { label: 'Next week', date: addDays(today, toMonday), days: toMonday },
  ];
}

export const dateProblem = (value: string, bad: boolean): string | undefined =>
  bad || (value !== '' && !isRealDate(value))
    ? 'that date does not exist — check the day and the month'
    : undefined;
