import { uuidv7 } from '../db/ids';
import type { z } from 'zod';
import type {
  Activity,
  ActivityLog,
  ActivityPatch,
  ActivityWithNext,
  NextFollowUp,
} from '@shared/api/activities';
import { fail } from '@shared/contract/result';
import { addDays, toDueInstant } from '@shared/domain/dates';
import { refreshEnrollment } from '../cadences/enroll';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { todayOf } from '../today/day';
import { getActivity } from './queries';
import { writeTransaction } from '../db/transaction';
import type { leads } from '../db/schema';
import type { Row } from '../db/typed';

type LogInput = z.output<typeof ActivityLog>;
type PatchInput = z.output<typeof ActivityPatch>;
type NextInput = z.output<typeof NextFollowUp>;

interface Owner {
  leadId: string | null;
  contactId: string | null;
}

/** The lead and contact an activity belongs to; the lead's contact is used when no contact is given. */
function resolveOwner(ctx: Ctx, leadId: string | undefined, contactId: string | undefined): Owner {
  let leadContact: string | null = null;
  if (leadId) {
    const lead = get<Row<typeof leads, 'contactId'>>(
      ctx.sqlite,
      'SELECT contact_id AS contactId FROM leads WHERE id = ? AND deleted_at IS NULL',
      leadId,
    );
    if (!lead)
      return fail('validation', 'That lead does not exist.', [
        { field: 'leadId', message: 'choose an existing lead' },
      ]);
    leadContact = lead.contactId;
  }
  if (
    contactId &&
    !get(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL', contactId)
  ) {
    return fail('validation', 'That contact does not exist.', [
      { field: 'contactId', message: 'choose an existing contact' },
    ]);
  }
  return { leadId: leadId ?? null, contactId: contactId ?? leadContact };
}

function insertActivity(
  ctx: Ctx,
  owner: Owner,
  values: {
    type: string;
    subject: string;
    notes?: string | undefined;
    dueAt: string | null;
    doneAt: string | null;
    outcome?: string | undefined;
  },
): string {
  const id = uuidv7();
  const now = ctx.nowIso();
  run(
    ctx.sqlite,
    `INSERT INTO activities (id, lead_id, contact_id, type, subject, notes, due_at, done_at, outcome, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    owner.leadId,
    owner.contactId,
    values.type,
    values.subject,
    values.notes ?? '',
    values.dueAt,
    values.doneAt,
    values.outcome || null,
    now,
    now,
  );
  return id;
}

function scheduleNext(ctx: Ctx, owner: Owner, next: NextInput | undefined): string | null {
  if (!next) return null;
  return insertActivity(ctx, owner, { ...next, dueAt: toDueInstant(next.dueAt), doneAt: null });
}

/**
 * Logs an activity. Notes, and activities without a due date, are logged as done unless `done: false`;
 * `next` schedules the follow-up in the same transaction.
 */
export function logActivity(ctx: Ctx, input: LogInput): ActivityWithNext {
  const owner = resolveOwner(ctx, input.leadId, input.contactId);
  const done =
    input.done ?? (input.doneAt !== undefined || input.type === 'note' || input.dueAt === undefined);
  if (!done && input.doneAt !== undefined) {
    fail('validation', 'An open activity has no done date.', [
      { field: 'doneAt', message: 'leave empty, or mark as done' },
    ]);
  }
  const ids = writeTransaction(ctx.sqlite, () => {
    const id = insertActivity(ctx, owner, {
      type: input.type,
      subject: input.subject,
      notes: input.notes,
      dueAt: input.dueAt ? toDueInstant(input.dueAt) : null,
      doneAt: done ? (input.doneAt ? toDueInstant(input.doneAt) : ctx.nowIso()) : null,
      outcome: input.outcome,
    });
    return { id, next: scheduleNext(ctx, owner, input.next) };
  });
  return { activity: getActivity(ctx, ids.id), next: ids.next ? getActivity(ctx, ids.next) : null };
}

/** Done with an outcome; optionally the next follow-up for the same lead and contact, in one step. */
export function completeActivity(
  ctx: Ctx,
  input: {
    id: string;
    outcome?: string | undefined;
    doneAt?: string | undefined;
    next?: NextInput | undefined;
  },
): ActivityWithNext {
  const current = getActivity(ctx, input.id);
  if (current.status === 'done') fail('conflict', 'This activity is already done.');
  const nextId = writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(
      ctx.sqlite,
      'UPDATE activities SET done_at = ?, outcome = ?, updated_at = ? WHERE id = ?',
      input.doneAt ? toDueInstant(input.doneAt) : now,
      input.outcome || current.outcome,
      now,
      input.id,
    );
    if (current.enrollmentId) refreshEnrollment(ctx, current.enrollmentId);
    return scheduleNext(ctx, { leadId: current.leadId, contactId: current.contactId }, input.next);
  });
  return { activity: getActivity(ctx, input.id), next: nextId ? getActivity(ctx, nextId) : null };
}

export function reopenActivity(ctx: Ctx, id: string): Activity {
  const current = getActivity(ctx, id);
  writeTransaction(ctx.sqlite, () => {
    run(ctx.sqlite, 'UPDATE activities SET done_at = NULL, updated_at = ? WHERE id = ?', ctx.nowIso(), id);
    if (current.enrollmentId) refreshEnrollment(ctx, current.enrollmentId);
  });
  return getActivity(ctx, id);
}

/**
 * Moves an open activity's due date: to `until`, or `days` later counted from today when it is overdue or
 * undated, from its due day otherwise. The time of day is kept.
 */
export function snoozeActivity(
  ctx: Ctx,
  input: { id: string; until?: string | undefined; days?: number | undefined },
): Activity {
  const current = getActivity(ctx, input.id);
  if (current.status === 'done') fail('conflict', 'A done activity cannot be snoozed; reopen it first.');
  const today = todayOf(ctx);
  let dueAt: string;
  if (input.until !== undefined) {
    dueAt = toDueInstant(input.until);
    if (dueAt.slice(0, 10) < today) {
      fail('validation', 'Snooze to today or later.', [
        { field: 'until', message: 'choose today or a later day' },
      ]);
    }
  } else {
    const base = current.dueDate && current.dueDate > today ? current.dueDate : today;
    const time = current.dueAt ? current.dueAt.slice(10) : 'T00:00:00.000Z';
    dueAt = `${addDays(base, input.days ?? 1)}${time}`;
  }
  run(
    ctx.sqlite,
    'UPDATE activities SET due_at = ?, updated_at = ? WHERE id = ?',
    dueAt,
    ctx.nowIso(),
    input.id,
  );
  return getActivity(ctx, input.id);
}

export function updateActivity(ctx: Ctx, id: string, patch: PatchInput): Activity {
  const current = getActivity(ctx, id);
  run(
    ctx.sqlite,
    'UPDATE activities SET type = ?, subject = ?, notes = ?, due_at = ?, outcome = ?, updated_at = ? WHERE id = ?',
    patch.type ?? current.type,
    patch.subject ?? current.subject,
    patch.notes ?? current.notes,
    patch.dueAt === undefined ? current.dueAt : patch.dueAt === null ? null : toDueInstant(patch.dueAt),
    patch.outcome === undefined ? current.outcome : patch.outcome || null,
    ctx.nowIso(),
    id,
  );
  return getActivity(ctx, id);
}

export function deleteActivity(ctx: Ctx, id: string): { id: string } {
  const current = getActivity(ctx, id);
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(ctx.sqlite, 'UPDATE activities SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    if (current.enrollmentId) refreshEnrollment(ctx, current.enrollmentId);
  });
  return { id };
}

export function restoreActivity(ctx: Ctx, id: string): Activity {
  const current = getActivity(ctx, id, true);
  writeTransaction(ctx.sqlite, () => {
    run(ctx.sqlite, 'UPDATE activities SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.nowIso(), id);
    if (current.enrollmentId) refreshEnrollment(ctx, current.enrollmentId);
  });
  return getActivity(ctx, id);
}
