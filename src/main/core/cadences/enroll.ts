import { uuidv7 } from '../db/ids';
import type { Enrollment } from '@shared/api/cadences';
import { fail } from '@shared/contract/result';
import { cadenceStepDay, dayStartIso } from '@shared/domain/dates';
import { renderTemplate, type TemplateValues } from '@shared/domain/templates';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { todayOf } from '../today/day';
import { getCadence } from './service';
import { writeTransaction } from '../db/transaction';
import type { cadenceEnrollments, leads, pipelineStages } from '../db/schema';
import type { Count, Row } from '../db/typed';

const SELECT = `SELECT e.id, e.cadence_id AS cadenceId, cd.name AS cadenceName, e.lead_id AS leadId, l.title AS leadTitle,
  coalesce(e.start_date, substr(e.started_at, 1, 10)) AS startDate, e.status, e.stopped_at AS stoppedAt,
  e.stop_reason AS stopReason,
  (SELECT count(*) FROM activities a WHERE a.enrollment_id = e.id) AS stepsTotal,
  (SELECT count(*) FROM activities a WHERE a.enrollment_id = e.id AND a.done_at IS NOT NULL AND a.deleted_at IS NULL) AS stepsDone,
  (SELECT substr(min(a.due_at), 1, 10) FROM activities a
     WHERE a.enrollment_id = e.id AND a.done_at IS NULL AND a.deleted_at IS NULL) AS nextDueDate
FROM cadence_enrollments e
JOIN cadences cd ON cd.id = e.cadence_id
JOIN leads l ON l.id = e.lead_id`;

export function getEnrollment(ctx: Ctx, id: string): Enrollment {
  const row = get<Enrollment>(ctx.sqlite, `${SELECT} WHERE e.id = ?`, id);
  if (!row) return fail('not_found', 'That enrolment does not exist.');
  return row;
}

export function listEnrollments(
  ctx: Ctx,
  filter: { cadenceId?: string | undefined; leadId?: string | undefined; status?: string | undefined },
): Enrollment[] {
  const where = ['l.deleted_at IS NULL'];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['e.cadence_id', filter.cadenceId],
    ['e.lead_id', filter.leadId],
    ['e.status', filter.status],
  ]) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  return all<Enrollment>(
    ctx.sqlite,
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY e.started_at DESC LIMIT 500`,
    ...params,
  );
}

/** What the placeholders of a step instruction resolve to for one lead. */
export function templateValuesFor(ctx: Ctx, leadId: string): TemplateValues {
  return (
    get<TemplateValues>(
      ctx.sqlite,
      `SELECT c.first_name AS first_name, c.last_name AS last_name, l.title AS lead_title,
         coalesce(co.name, cco.name) AS company, cp.name AS campaign, cp.key_message AS key_message
       FROM leads l
       LEFT JOIN contacts c ON c.id = l.contact_id
       LEFT JOIN companies co ON co.id = l.company_id
       LEFT JOIN companies cco ON cco.id = c.company_id
       LEFT JOIN campaigns cp ON cp.id = l.campaign_id
       WHERE l.id = ?`,
      leadId,
    ) ?? {}
  );
}

export function previewSteps(
  ctx: Ctx,
  cadenceId: string,
  leadId: string | undefined,
  startDate: string | undefined,
) {
  const cadence = getCadence(ctx, cadenceId);
  const values = leadId ? templateValuesFor(ctx, leadId) : {};
  const start = startDate ?? todayOf(ctx);
  return cadence.steps.map((step) => ({
    position: step.position,
    type: step.type,
    dueDate: cadenceStepDay(start, step.dayOffset, cadence.skipWeekends),
    text: renderTemplate(step.instruction, values),
  }));
}

/**
 * Enrols leads: every step becomes an open follow-up due at start + offset. Leads that are closed, missing or
 * already running this cadence are skipped with a reason rather than failing the whole batch.
 */
export function enrollLeads(ctx: Ctx, cadenceId: string, leadIds: string[], startDate: string | undefined) {
  const cadence = getCadence(ctx, cadenceId);
  const start = startDate ?? todayOf(ctx);
  const skipped: { leadId: string; reason: string }[] = [];
  const enrolledIds = writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    const ids: string[] = [];
    for (const leadId of new Set(leadIds)) {
      const lead = get<Row<typeof leads, 'contactId'> & Row<typeof pipelineStages, 'outcome'>>(
        ctx.sqlite,
        `SELECT l.contact_id AS contactId, s.outcome FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
         WHERE l.id = ? AND l.deleted_at IS NULL`,
        leadId,
      );
      if (!lead) {
        skipped.push({ leadId, reason: 'not found' });
        continue;
      }
      if (lead.outcome !== 'open') {
        skipped.push({ leadId, reason: `already ${lead.outcome}` });
        continue;
      }
      const running = get(
        ctx.sqlite,
        `SELECT 1 FROM cadence_enrollments WHERE lead_id = ? AND cadence_id = ? AND status = 'active'`,
        leadId,
        cadenceId,
      );
      if (running) {
        skipped.push({ leadId, reason: 'already enrolled' });
        continue;
      }
      const enrollmentId = uuidv7();
      run(
        ctx.sqlite,
        `INSERT INTO cadence_enrollments (id, cadence_id, lead_id, started_at, start_date, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
        enrollmentId,
        cadenceId,
        leadId,
        now,
        start,
        now,
        now,
      );
      const values = templateValuesFor(ctx, leadId);
      for (const step of cadence.steps) {
        const text = renderTemplate(step.instruction, values);
        const subject = text.length > 200 ? `${text.slice(0, 199)}…` : text;
        run(
          ctx.sqlite,
          `INSERT INTO activities (id, lead_id, contact_id, type, subject, notes, due_at, enrollment_id, cadence_step_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          uuidv7(),
          leadId,
          lead.contactId,
          step.type,
          subject,
          text.length > 200 ? text : '',
          dayStartIso(cadenceStepDay(start, step.dayOffset, cadence.skipWeekends)),
          enrollmentId,
          step.id,
          now,
          now,
        );
      }
      ids.push(enrollmentId);
    }
    return ids;
  });
  return { enrolled: enrolledIds.map((id) => getEnrollment(ctx, id)), skipped };
}

/**
 * Stops an active enrolment and removes (soft-deletes) its step follow-ups that are not done yet, overdue
 * ones included: a stopped sequence should leave nothing behind in Today.
 */
export function stopEnrollment(ctx: Ctx, enrollmentId: string, reason: 'user' | 'won' | 'lost'): Enrollment {
  const current = getEnrollment(ctx, enrollmentId);
  if (current.status !== 'active') fail('conflict', `This enrolment is already ${current.status}.`);
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(
      ctx.sqlite,
      `UPDATE cadence_enrollments SET status = 'stopped', stopped_at = ?, stop_reason = ?, updated_at = ? WHERE id = ?`,
      now,
      reason,
      now,
      enrollmentId,
    );
    run(
      ctx.sqlite,
      `UPDATE activities SET deleted_at = ?, updated_at = ? WHERE enrollment_id = ? AND done_at IS NULL AND deleted_at IS NULL`,
      now,
      now,
      enrollmentId,
    );
  });
  return getEnrollment(ctx, enrollmentId);
}

/** A lead that is won or lost leaves every sequence it is in. */
export function stopEnrollmentsForLead(ctx: Ctx, leadId: string, reason: 'won' | 'lost'): number {
  const active = all<Row<typeof cadenceEnrollments, 'id'>>(
    ctx.sqlite,
    `SELECT id FROM cadence_enrollments WHERE lead_id = ? AND status = 'active'`,
    leadId,
  );
  for (const { id } of active) stopEnrollment(ctx, id, reason);
  return active.length;
}

/** After a step is done or reopened: an enrolment with no open steps left is completed, and vice versa. */
export function refreshEnrollment(ctx: Ctx, enrollmentId: string): void {
  const open =
    get<Count>(
      ctx.sqlite,
      'SELECT count(*) AS n FROM activities WHERE enrollment_id = ? AND done_at IS NULL AND deleted_at IS NULL',
      enrollmentId,
    )?.n ?? 0;
  const now = ctx.nowIso();
  if (open === 0) {
    run(
      ctx.sqlite,
      `UPDATE cadence_enrollments SET status = 'completed', updated_at = ? WHERE id = ? AND status = 'active'`,
      now,
      enrollmentId,
    );
  } else {
    run(
      ctx.sqlite,
      `UPDATE cadence_enrollments SET status = 'active', updated_at = ? WHERE id = ? AND status = 'completed'`,
      now,
      enrollmentId,
    );
  }
}
