import type { Activity, ActivityListInput, ActivityPage } from '@shared/api/activities';
import { fail } from '@shared/contract/result';
import type { z } from 'zod';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { todayOf } from '../today/day';
import type { activities } from '../db/schema';
import type { Count, Row, With } from '../db/typed';

type ListInput = z.output<typeof ActivityListInput>;

export const CONTACT_NAME = (c: string) =>
  `CASE WHEN ${c}.id IS NULL THEN NULL ELSE coalesce(nullif(trim(${c}.first_name || ' ' || ${c}.last_name), ''), ${c}.email, '') END`;

const SELECT = `SELECT a.id, a.lead_id AS leadId, l.title AS leadTitle, a.contact_id AS contactId,
  ${CONTACT_NAME('c')} AS contactName, a.type, a.subject, a.notes, a.due_at AS dueAt, a.done_at AS doneAt,
  a.outcome, a.enrollment_id AS enrollmentId, a.cadence_step_id AS cadenceStepId,
  a.created_at AS createdAt, a.updated_at AS updatedAt
FROM activities a
LEFT JOIN leads l ON l.id = a.lead_id
LEFT JOIN contacts c ON c.id = a.contact_id`;

/** SELECT: the activity's columns and the names of its lead and contact. */
type ActivityRow = With<
  Row<
    typeof activities,
    | 'id'
    | 'leadId'
    | 'contactId'
    | 'type'
    | 'subject'
    | 'notes'
    | 'dueAt'
    | 'doneAt'
    | 'outcome'
    | 'enrollmentId'
    | 'cadenceStepId'
    | 'createdAt'
    | 'updatedAt'
  >,
  Pick<Activity, 'type'>
> & { leadTitle: string | null; contactName: string | null };

export function toActivity(row: ActivityRow, today: string): Activity {
  const dueDate = row.dueAt ? row.dueAt.slice(0, 10) : null;
  const open = row.doneAt === null;
  return {
    ...row,
    dueDate,
    status: open ? 'open' : 'done',
    overdue: open && dueDate !== null && dueDate < today,
  };
}

export function getActivity(ctx: Ctx, id: string, includeDeleted = false): Activity {
  const row = get<ActivityRow>(
    ctx.sqlite,
    `${SELECT} WHERE a.id = ?${includeDeleted ? '' : ' AND a.deleted_at IS NULL'}`,
    id,
  );
  if (!row) return fail('not_found', 'That activity does not exist or was deleted.');
  return toActivity(row, todayOf(ctx));
}

/** Activities by id, in the order given (used by detail pages and Today). */
export function activitiesByIds(ctx: Ctx, ids: string[]): Activity[] {
  if (ids.length === 0) return [];
  const rows = all<ActivityRow>(
    ctx.sqlite,
    `${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
  const today = todayOf(ctx);
  const byId = new Map(rows.map((r) => [r.id, toActivity(r, today)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function listActivities(ctx: Ctx, input: ListInput): ActivityPage {
  const where = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (input.leadId) {
    where.push('a.lead_id = ?');
    params.push(input.leadId);
  }
  if (input.contactId) {
    where.push('a.contact_id = ?');
    params.push(input.contactId);
  }
  if (input.type) {
    where.push('a.type = ?');
    params.push(input.type);
  }
  if (input.status === 'open') where.push('a.done_at IS NULL');
  if (input.status === 'done') where.push('a.done_at IS NOT NULL');
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC';
  // Open items sort by when they are due, done items by when they were done.
  const order = `coalesce(a.done_at, a.due_at, a.created_at) ${dir}, a.id ${dir}`;
  const clause = where.join(' AND ');
  const ids = all<Row<typeof activities, 'id'>>(
    ctx.sqlite,
    `SELECT a.id FROM activities a WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ...params,
    input.limit,
    input.offset,
  ).map((r) => r.id);
  const total =
    get<Count>(ctx.sqlite, `SELECT count(*) AS n FROM activities a WHERE ${clause}`, ...params)?.n ?? 0;
  return { total, rows: activitiesByIds(ctx, ids) };
}

/** A record's follow-ups for its page: open ones (earliest due first), then the latest done ones. */
export function activitiesFor(
  ctx: Ctx,
  column: 'lead_id' | 'contact_id',
  id: string,
  limit = 100,
): Activity[] {
  const ids = all<Row<typeof activities, 'id'>>(
    ctx.sqlite,
    `SELECT id FROM activities WHERE ${column} = ? AND deleted_at IS NULL
     ORDER BY done_at IS NOT NULL, CASE WHEN done_at IS NULL THEN coalesce(due_at, '9999') END, done_at DESC, id
     LIMIT ?`,
    id,
    limit,
  ).map((r) => r.id);
  return activitiesByIds(ctx, ids);
}
