import type { z } from 'zod';
import type { undoApi } from '@shared/api/undo';
import type { Activity } from '@shared/api/activities';
import type { Lead } from '@shared/api/leads';
import { fail } from '@shared/contract/result';
import { refreshEnrollment, stopEnrollmentsForLead } from '../cadences/enroll';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';
import { getActivity } from '../activities/queries';
import { recordStageChange, resolveFollowUps } from '../leads/move';
import { getLead } from '../leads/queries';
import { requireStage } from '../leads/stages';

type In<K extends keyof typeof undoApi> = z.output<(typeof undoApi)[K]['input']>;

/** Why an undo (or redo) wrote nothing: the record moved on since the action. */
const changedSince = (what: string): never =>
  fail('conflict', `${what} changed since, so it was left as it is. Nothing was undone.`);

export function revertDone(ctx: Ctx, input: In<'activities.revertDone'>): Activity {
  writeTransaction(ctx.sqlite, () => {
    const current = getActivity(ctx, input.id);
    if (current.doneAt !== input.expect.doneAt) changedSince(`“${current.subject}”`);
    run(
      ctx.sqlite,
      'UPDATE activities SET done_at = ?, outcome = ?, updated_at = ? WHERE id = ?',
      input.doneAt,
      input.outcome === undefined ? current.outcome : input.outcome || null,
      ctx.nowIso(),
      input.id,
    );
    if (current.enrollmentId) refreshEnrollment(ctx, current.enrollmentId);
  });
  return getActivity(ctx, input.id);
}

export function revertDue(ctx: Ctx, input: In<'activities.revertDue'>): Activity {
  writeTransaction(ctx.sqlite, () => {
    const current = getActivity(ctx, input.id);
    if (current.dueAt !== input.expect.dueAt || current.status === 'done') {
      changedSince(`“${current.subject}”`);
    }
    run(
      ctx.sqlite,
      'UPDATE activities SET due_at = ?, updated_at = ? WHERE id = ?',
      input.dueAt,
      ctx.nowIso(),
      input.id,
    );
  });
  return getActivity(ctx, input.id);
}

type LatestChange = { id: string; fromStageId: string | null; toStageId: string };

/**
 * Puts a lead back in a stage. An undo removes the stage change it undoes (the latest one, when it went from
 * the stage the lead returns to), so reports do not count a deal that advanced and fell back in a second;
 * undoing a close reopens the follow-ups that close settled (done or cancelled at the close's instant).
 */
export function revertStage(ctx: Ctx, input: In<'leads.revertStage'>): Lead {
  writeTransaction(ctx.sqlite, () => {
    const current = getLead(ctx, input.id);
    if (current.stageId !== input.expect.stageId) changedSince(`“${current.title}”`);
    const target = requireStage(ctx, input.to.stageId);
    const now = ctx.nowIso();
    const closing = current.outcome === 'open' && target.outcome !== 'open';
    const closedAt = target.outcome === 'open' ? null : closing ? now : (input.to.closedAt ?? now);
    const lostReason = target.outcome === 'lost' ? input.to.lostReason : null;
    if (target.outcome === 'lost' && !lostReason) fail('validation', 'A lost lead needs a reason.');
    run(
      ctx.sqlite,
      `UPDATE leads SET stage_id = ?, board_rank = ?, lost_reason = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
      target.id,
      input.to.boardRank,
      lostReason,
      closedAt,
      now,
      input.id,
    );
    if (current.stageId !== target.id) {
      const latest = get<LatestChange>(
        ctx.sqlite,
        `SELECT id, from_stage_id AS fromStageId, to_stage_id AS toStageId FROM lead_stage_history
         WHERE lead_id = ? ORDER BY changed_at DESC, id DESC LIMIT 1`,
        input.id,
      );
      if (input.undo && latest?.fromStageId === target.id && latest.toStageId === current.stageId) {
        run(ctx.sqlite, 'DELETE FROM lead_stage_history WHERE id = ?', latest.id);
      } else {
        recordStageChange(ctx, input.id, current.stageId, target.id, now);
      }
    }
    if (input.undo && current.outcome !== 'open' && target.outcome === 'open' && current.closedAt) {
      reopenSettledFollowUps(ctx, input.id, current.closedAt, now);
    }
    if (closing) {
      stopEnrollmentsForLead(ctx, input.id, target.outcome === 'won' ? 'won' : 'lost');
      resolveFollowUps(ctx, input.id, input.followUps ?? 'keep', now);
    }
  });
  return getLead(ctx, input.id);
}

/** The follow-ups a close marked done or cancelled, found by the close's instant (see resolveFollowUps). */
function reopenSettledFollowUps(ctx: Ctx, leadId: string, stamp: string, now: string): void {
  run(
    ctx.sqlite,
    `UPDATE activities SET deleted_at = NULL, updated_at = ?
     WHERE lead_id = ? AND deleted_at = ? AND done_at IS NULL AND enrollment_id IS NULL`,
    now,
    leadId,
    stamp,
  );
  run(
    ctx.sqlite,
    `UPDATE activities SET done_at = NULL, updated_at = ?
     WHERE lead_id = ? AND deleted_at IS NULL AND done_at = ? AND updated_at = ? AND enrollment_id IS NULL`,
    now,
    leadId,
    stamp,
    stamp,
  );
}

export function revertRating(ctx: Ctx, input: In<'leads.revertRating'>): Lead {
  writeTransaction(ctx.sqlite, () => {
    const current = getLead(ctx, input.id);
    if (current.rating !== input.expect.rating || current.ratingNote !== input.expect.note) {
      changedSince(`The rating of “${current.title}”`);
    }
    const rated = input.to.rating !== null;
    run(
      ctx.sqlite,
      'UPDATE leads SET rating = ?, rating_note = ?, rated_by = ?, rated_at = ?, updated_at = ? WHERE id = ?',
      input.to.rating,
      rated ? input.to.note : '',
      rated ? (input.to.ratedBy ?? 'You') : null,
      rated ? (input.to.ratedAt ?? ctx.nowIso()) : null,
      ctx.nowIso(),
      input.id,
    );
  });
  return getLead(ctx, input.id);
}
