import type { ActivityType } from '@shared/api/activities';

/** The names and glyphs of activity types, for Today, the pipeline, leads, contacts and cadences. */

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
