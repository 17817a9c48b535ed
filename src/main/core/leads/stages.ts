import { uuidv7 } from '../db/ids';
import type { Stage } from '@shared/api/leads';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';
import type { pipelineStages } from '../db/schema';
import type { Row, With } from '../db/typed';

type Outcome = Stage['outcome'];
/** `STAGE_COLUMNS` of a stage; `outcome` holds only open, won or lost. */
export type StageRow = With<
  Row<typeof pipelineStages, 'id' | 'name' | 'position' | 'probability' | 'outcome'>,
  { outcome: Outcome }
>;

const STAGE_COLUMNS = 'id, name, position, probability, outcome';

export function stageRow(ctx: Ctx, id: string): StageRow | undefined {
  return get<StageRow>(
    ctx.sqlite,
    `SELECT ${STAGE_COLUMNS} FROM pipeline_stages WHERE id = ? AND deleted_at IS NULL`,
    id,
  );
}

/** The stage a lead may be put in, or a validation error naming `field`. */
export function requireStage(ctx: Ctx, id: string, field = 'stageId'): StageRow {
  const stage = stageRow(ctx, id);
  if (!stage)
    return fail('validation', 'That stage does not exist.', [{ field, message: 'choose an existing stage' }]);
  return stage;
}

/** First stage (by position) with the outcome: where new leads start, and where won/lost leads go. */
export function firstStage(ctx: Ctx, outcome: Outcome): StageRow {
  const stage = get<StageRow>(
    ctx.sqlite,
    `SELECT ${STAGE_COLUMNS} FROM pipeline_stages WHERE outcome = ? AND deleted_at IS NULL ORDER BY position LIMIT 1`,
    outcome,
  );
  if (!stage)
    return fail('conflict', `The pipeline has no ${outcome} stage; add one in the pipeline settings.`);
  return stage;
}

/** The live stages in order, without lead counts. */
export function stageRows(ctx: Ctx): StageRow[] {
  return all<StageRow>(
    ctx.sqlite,
    `SELECT ${STAGE_COLUMNS} FROM pipeline_stages WHERE deleted_at IS NULL ORDER BY position, id`,
  );
}

export function listStages(ctx: Ctx): Stage[] {
  return all<StageRow & { leadCount: number }>(
    ctx.sqlite,
    `SELECT ${STAGE_COLUMNS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')},
       (SELECT count(*) FROM leads l WHERE l.stage_id = s.id AND l.deleted_at IS NULL) AS leadCount
     FROM pipeline_stages s WHERE s.deleted_at IS NULL ORDER BY s.position, s.id`,
  );
}

function getStage(ctx: Ctx, id: string): Stage {
  const stage = listStages(ctx).find((s) => s.id === id);
  if (!stage) return fail('not_found', 'That stage does not exist or was deleted.');
  return stage;
}

function renumber(ctx: Ctx, ids: string[]): void {
  const now = ctx.nowIso();
  ids.forEach((id, position) =>
    run(
      ctx.sqlite,
      'UPDATE pipeline_stages SET position = ?, updated_at = ? WHERE id = ?',
      position,
      now,
      id,
    ),
  );
}

export function createStage(
  ctx: Ctx,
  input: { name: string; probability: number; outcome: Outcome; position?: number | undefined },
): Stage {
  const id = writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    const ids = listStages(ctx).map((s) => s.id);
    const id = uuidv7();
    run(
      ctx.sqlite,
      `INSERT INTO pipeline_stages (id, name, position, probability, outcome, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.name,
      ids.length,
      input.probability,
      input.outcome,
      now,
      now,
    );
    ids.splice(Math.min(input.position ?? ids.length, ids.length), 0, id);
    renumber(ctx, ids);
    return id;
  });
  return getStage(ctx, id);
}

function requireLastOfOutcomeKept(ctx: Ctx, stage: StageRow, action: string): void {
  const same = listStages(ctx).filter((s) => s.outcome === stage.outcome);
  if (same.length <= 1)
    fail('conflict', `${action} would leave the pipeline without a ${stage.outcome} stage.`);
}

export function updateStage(
  ctx: Ctx,
  input: {
    id: string;
    name?: string | undefined;
    probability?: number | undefined;
    outcome?: Outcome | undefined;
  },
): Stage {
  const current = getStage(ctx, input.id);
  if (input.outcome !== undefined && input.outcome !== current.outcome) {
    if (current.leadCount > 0) {
      fail(
        'conflict',
        `Move the ${current.leadCount} leads out of "${current.name}" before changing its outcome.`,
        [{ field: 'outcome', message: 'only an empty stage can change its outcome' }],
      );
    }
    requireLastOfOutcomeKept(ctx, current, 'Changing this outcome');
  }
  run(
    ctx.sqlite,
    'UPDATE pipeline_stages SET name = ?, probability = ?, outcome = ?, updated_at = ? WHERE id = ?',
    input.name ?? current.name,
    input.probability ?? current.probability,
    input.outcome ?? current.outcome,
    ctx.nowIso(),
    input.id,
  );
  return getStage(ctx, input.id);
}

export function reorderStages(ctx: Ctx, ids: string[]): Stage[] {
  const current = listStages(ctx).map((s) => s.id);
  const same =
    ids.length === current.length &&
    new Set(ids).size === ids.length &&
    ids.every((id) => current.includes(id));
  if (!same) {
    fail('validation', 'The new order must list every stage exactly once.', [
      { field: 'ids', message: 'list every stage exactly once' },
    ]);
  }
  writeTransaction(ctx.sqlite, () => renumber(ctx, ids));
  return listStages(ctx);
}

export function deleteStage(ctx: Ctx, id: string): { id: string } {
  const stage = getStage(ctx, id);
  if (stage.leadCount > 0)
    fail('conflict', `Move the ${stage.leadCount} leads out of "${stage.name}" first.`);
  requireLastOfOutcomeKept(ctx, stage, 'Deleting this stage');
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(ctx.sqlite, 'UPDATE pipeline_stages SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    renumber(
      ctx,
      listStages(ctx).map((s) => s.id),
    );
  });
  return { id };
}
