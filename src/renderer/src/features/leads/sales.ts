import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ActivityType } from '@shared/api/activities';
import type { LeadChannel } from '@shared/api/leads';
import { ApiError, type FieldIssue } from '@shared/contract/result';
import { currencyDecimals, toMinor } from '@shared/domain/currency';
import { addDays, dayOfWeek, isRealDate } from '@shared/domain/dates';

/** Labels, keys and small helpers shared by the sales screens: Today, Pipeline, leads, cadences, contacts. */

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  note: 'Note',
  task: 'Task',
  linkedin: 'LinkedIn message',
};

/** A glyph per activity type; always shown next to the type's name, never alone. */
export const ACTIVITY_ICONS: Record<string, string> = {
  call: '☏',
  email: '✉',
  meeting: '◷',
  note: '✎',
  task: '☐',
  linkedin: 'in',
};

export const activityLabel = (type: string): string => ACTIVITY_LABELS[type as ActivityType] ?? type;

export const LEAD_CHANNELS: { value: LeadChannel; label: string }[] = [
  { value: 'unknown', label: 'Unknown' },
  { value: 'social', label: 'Social media' },
  { value: 'email', label: 'E-mail' },
  { value: 'web', label: 'Website' },
  { value: 'ads', label: 'Ads' },
  { value: 'event', label: 'Events' },
  { value: 'referral', label: 'Referrals' },
  { value: 'other', label: 'Other' },
];
export const channelName = (channel: string): string =>
  LEAD_CHANNELS.find((c) => c.value === channel)?.label ?? channel;

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
}

/** A validation error found in the form itself, shown exactly like the core's. */
export function localError(issues: FieldIssue[]): ApiError {
  return new ApiError({ code: 'validation', message: issues.map((i) => i.message).join('; '), issues });
}

/** The message for a field, whether the core named it `field` (create) or `patch.field` (update). */
export function issueOf(error: ApiError | null, field: string): string | undefined {
  return error?.issueFor(field) ?? error?.issueFor(`patch.${field}`);
}

/** An error with no field to sit next to: shown once under the form. */
export function formLevel(error: ApiError | null, fields: string[]): string | undefined {
  if (!error) return undefined;
  const placed = error.issues.some((i) => fields.includes(i.field.replace(/^patch\./, '')));
  return placed ? undefined : error.message;
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Money typed in the workspace's format (`1,200.50`, `1.200,50`) → integer minor units; empty is 0. A
 * negative amount passes through so the core's rule ("cannot be negative") is the one message shown.
 */
export function parseMoney(
  text: string,
  locale: string,
  currency: string,
): { ok: true; minor: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, minor: 0 };
  const { group, decimal } = separators(locale);
  const plain = trimmed
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(group)
    .join('')
    .replace(decimal, '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(plain)) {
    return { ok: false, message: `enter an amount such as ${new Intl.NumberFormat(locale).format(1250.5)}` };
  }
  return { ok: true, minor: toMinor(Number(plain), currency) };
}

/** Minor units as editable text without grouping (`1200.5`). */
export function moneyText(minor: number, locale: string, currency: string): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    useGrouping: false,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}

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

/** True while the user types in a field: single-key shortcuts stay quiet then. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export const dialogOpen = (): boolean => document.querySelector('[role="dialog"], [role="menu"]') !== null;

let previous = { key: '', at: 0 };
let current = { key: '', at: 0 };
window.addEventListener(
  'keydown',
  (event) => {
    previous = current;
    current = { key: event.key, at: Date.now() };
  },
  true,
);

/** "g then a letter" belongs to navigation: a letter right after g is not a shortcut of its own. */
export const followsG = (): boolean => previous.key === 'g' && current.at - previous.at < 1200;

export const plainKey = (event: KeyboardEvent | ReactKeyboardEvent): boolean =>
  !event.metaKey && !event.ctrlKey && !event.altKey;
