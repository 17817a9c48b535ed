import { uuidv7 } from '../db/ids';
import type { FollowUpsOnClose, Lead } from '@shared/api/leads';
import { fail } from '@shared/contract/result';
import { stopEnrollmentsForLead } from '../cadences/enroll';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { getLead } from './queries';
import { firstStage, requireStage, type StageRow } from './stages';
import { writeTransaction } from '../db/transaction';
import type { leads, pipelineStages } from '../db/schema';
import type { Row } from '../db/typed';

/** Gap between neighbouring cards, so most drops fit between two ranks without touching other rows. */
const RANK_STEP = 1024;

export function topRank(ctx: Ctx, stageId: string): number {
  const min = get<{ r: Row<typeof leads>['boardRank'] | null }>(
    ctx.sqlite,
    'SELECT min(board_rank) AS r FROM leads WHERE stage_id = ? AND deleted_at IS NULL',
    stageId,
  )?.r;
  return min === null || min === undefined ? 0 : min - RANK_STEP;
}

function endRank(ctx: Ctx, stageId: string, movingId: string): number {
  const max = get<{ r: Row<typeof leads>['boardRank'] | null }>(
    ctx.sqlite,
    'SELECT max(board_rank) AS r FROM leads WHERE stage_id = ? AND id != ? AND deleted_at IS NULL',
    stageId,
    movingId,
  )?.r;
  return max === null || max === undefined ? 0 : max + RANK_STEP;
}

/** Re-spaces a column (rare: only when two neighbours have no gap left). */
function respace(ctx: Ctx, stageId: string, movingId: string): void {
  const ids = all<Row<typeof leads, 'id'>>(
    ctx.sqlite,
    'SELECT id FROM leads WHERE stage_id = ? AND id != ? AND deleted_at IS NULL ORDER BY board_rank, id',
    stageId,
    movingId,
  );
  ids.forEach(({ id }, i) =>
    run(ctx.sqlite, 'UPDATE leads SET board_rank = ? WHERE id = ?', (i + 1) * RANK_STEP, id),
  );
}

function rankBefore(ctx: Ctx, stageId: string, beforeId: string, movingId: string): number {
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = get<{ rank: Row<typeof leads>['boardRank'] }>(
      ctx.sqlite,
      'SELECT board_rank AS rank FROM leads WHERE id = ? AND stage_id = ? AND deleted_at IS NULL',
      beforeId,
      stageId,
    );
    if (!before) {
      return fail('validation', 'The card to drop before is not in that stage.', [
        { field: 'beforeId', message: 'choose a lead in the target stage' },
      ]);
    }
    const neighbours = get<{ prev: number | null; ties: number }>(
      ctx.sqlite,
      `SELECT (SELECT max(board_rank) FROM leads WHERE stage_id = ? AND board_rank < ? AND id != ? AND deleted_at IS NULL) AS prev,
              (SELECT count(*) FROM leads WHERE stage_id = ? AND board_rank = ? AND id != ? AND deleted_at IS NULL) AS ties`,
      stageId,
      before.rank,
      movingId,
      stageId,
      before.rank,
      movingId,
    );
    const prev = neighbours?.prev ?? null;
    if (neighbours && neighbours.ties <= 1) {
      if (prev === null) return before.rank - RANK_STEP;
      if (before.rank - prev >= 2) return Math.floor((prev + before.rank) / 2);
    }
    respace(ctx, stageId, movingId);
  }
  throw new Error('board ranks could not be re-spaced');
}

type LeadState = Row<typeof leads, 'stageId' | 'lostReason'> & Row<typeof pipelineStages, 'outcome'>;

function leadState(ctx: Ctx, id: string): LeadState {
  const row = get<LeadState>(
    ctx.sqlite,
    `SELECT l.stage_id AS stageId, s.outcome, l.lost_reason AS lostReason FROM leads l
     JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.id = ? AND l.deleted_at IS NULL`,
    id,
  );
  if (!row) return fail('not_found', 'That lead does not exist or was deleted.');
  return row;
}

export function recordStageChange(
  ctx: Ctx,
  leadId: string,
  from: string | null,
  to: string,
  at: string,
): void {
  run(
    ctx.sqlite,
    `INSERT INTO lead_stage_history (id, lead_id, from_stage_id, to_stage_id, changed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    uuidv7(),
    leadId,
    from,
    to,
    at,
    at,
    at,
  );
}

/**
 * Puts a lead in a stage at a position: before `beforeId`, at the top, or last. A stage change is written to
 * the history; closing sets closedAt and stops the lead's cadences; lost needs a reason.
 */
function placeLead(
  ctx: Ctx,
  id: string,
  stage: StageRow,
  where: { beforeId?: string | null | undefined; top?: boolean },
  lostReason: string | undefined,
  followUps: FollowUpsOnClose = 'cancel',
): Lead {
  const current = leadState(ctx, id);
  const reason =
    stage.outcome === 'lost'
      ? (lostReason ?? (current.outcome === 'lost' ? current.lostReason : null))
      : null;
  if (stage.outcome === 'lost' && !reason) {
    fail('validation', 'A lost lead needs a reason.', [
      { field: 'lostReason', message: 'say why the lead was lost' },
    ]);
  }
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    const rank = where.beforeId
      ? rankBefore(ctx, stage.id, where.beforeId, id)
      : where.top
        ? topRank(ctx, stage.id)
        : endRank(ctx, stage.id, id);
    const changed = current.stageId !== stage.id;
    const closedAt =
      stage.outcome === 'open' ? null : changed && current.outcome !== stage.outcome ? now : undefined;
    run(
      ctx.sqlite,
      `UPDATE leads SET stage_id = ?, board_rank = ?, lost_reason = ?, updated_at = ?,
         closed_at = CASE WHEN ? = 1 THEN ? ELSE closed_at END WHERE id = ?`,
      stage.id,
      rank,
      reason,
      now,
      closedAt === undefined ? 0 : 1,
      closedAt ?? null,
      id,
    );
    if (changed) recordStageChange(ctx, id, current.stageId, stage.id, now);
    if (changed && stage.outcome !== 'open' && current.outcome === 'open') {
      stopEnrollmentsForLead(ctx, id, stage.outcome === 'won' ? 'won' : 'lost');
      resolveFollowUps(ctx, id, followUps, now);
    }
  });
  return getLead(ctx, id);
}

/**
 * A closed lead leaves nothing behind in Today unless the user kept it: its open follow-ups are marked done
 * or cancelled (soft-deleted, as a stopped cadence's steps are, so the Trash can bring one back).
 */
export function resolveFollowUps(ctx: Ctx, leadId: string, choice: FollowUpsOnClose, now: string): void {
  if (choice === 'keep') return;
  const sql =
    choice === 'done'
      ? 'UPDATE activities SET done_at = ?, updated_at = ? WHERE lead_id = ? AND done_at IS NULL AND deleted_at IS NULL'
      : 'UPDATE activities SET deleted_at = ?, updated_at = ? WHERE lead_id = ? AND done_at IS NULL AND deleted_at IS NULL';
  run(ctx.sqlite, sql, now, now, leadId);
}

export function moveLead(
  ctx: Ctx,
  input: {
    id: string;
    stageId: string;
    beforeId?: string | null | undefined;
    lostReason?: string | undefined;
    followUps?: FollowUpsOnClose | undefined;
  },
): Lead {
  if (input.beforeId === input.id) {
    fail('validation', 'A card cannot be dropped before itself.', [
      { field: 'beforeId', message: 'choose another card' },
    ]);
  }
  return placeLead(
    ctx,
    input.id,
    requireStage(ctx, input.stageId),
    { beforeId: input.beforeId },
    input.lostReason,
    input.followUps,
  );
}

export function closeLead(
  ctx: Ctx,
  input: {
    id: string;
    outcome: 'won' | 'lost';
    lostReason?: string | undefined;
    followUps?: FollowUpsOnClose | undefined;
  },
): Lead {
  const current = leadState(ctx, input.id);
  if (current.outcome === input.outcome) return getLead(ctx, input.id);
  return placeLead(
    ctx,
    input.id,
    firstStage(ctx, input.outcome),
    { top: true },
    input.lostReason,
    input.followUps,
  );
}
