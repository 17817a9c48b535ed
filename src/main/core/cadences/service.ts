import { uuidv7 } from '../db/ids';
import type { z } from 'zod';
import type { Cadence, CadenceCreate, CadencePatch } from '@shared/api/cadences';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';
import type { cadences, cadenceSteps } from '../db/schema';
import type { Row, With } from '../db/typed';
import { softDelete, softRestore } from '../deletion/dependents';

type CreateInput = z.output<typeof CadenceCreate>;
type PatchInput = z.output<typeof CadencePatch>;
type StepInput = CreateInput['steps'][number];
type Step = Cadence['steps'][number];

type CadenceRow = Row<
  typeof cadences,
  'id' | 'name' | 'description' | 'skipWeekends' | 'createdAt' | 'updatedAt'
> & {
  activeEnrollments: number;
};

const SELECT = `SELECT cd.id, cd.name, cd.description, cd.skip_weekends AS skipWeekends,
  (SELECT count(*) FROM cadence_enrollments e JOIN leads l ON l.id = e.lead_id AND l.deleted_at IS NULL
     WHERE e.cadence_id = cd.id AND e.status = 'active') AS activeEnrollments,
  cd.created_at AS createdAt, cd.updated_at AS updatedAt
FROM cadences cd`;

function withSteps(ctx: Ctx, rows: CadenceRow[]): Cadence[] {
  if (rows.length === 0) return [];
  const steps = all<
    With<
      Row<typeof cadenceSteps, 'id' | 'cadenceId' | 'position' | 'dayOffset' | 'type' | 'instruction'>,
      Pick<Step, 'type'>
    >
  >(
    ctx.sqlite,
    `SELECT id, cadence_id AS cadenceId, position, day_offset AS dayOffset, type, instruction FROM cadence_steps
     WHERE cadence_id IN (SELECT value FROM json_each(?)) ORDER BY position`,
    JSON.stringify(rows.map((r) => r.id)),
  );
  return rows.map((row) => ({
    ...row,
    skipWeekends: row.skipWeekends === 1,
    steps: steps.filter((s) => s.cadenceId === row.id).map(({ cadenceId: _, ...step }) => step),
  }));
}

export function getCadence(ctx: Ctx, id: string, includeDeleted = false): Cadence {
  const row = get<CadenceRow>(
    ctx.sqlite,
    `${SELECT} WHERE cd.id = ?${includeDeleted ? '' : ' AND cd.deleted_at IS NULL'}`,
    id,
  );
  const cadence = row ? withSteps(ctx, [row])[0] : undefined;
  if (!cadence) return fail('not_found', 'That cadence does not exist or was deleted.');
  return cadence;
}

export function listCadences(ctx: Ctx): Cadence[] {
  return withSteps(
    ctx,
    all<CadenceRow>(
      ctx.sqlite,
      `${SELECT} WHERE cd.deleted_at IS NULL ORDER BY cd.name COLLATE NOCASE, cd.id`,
    ),
  );
}

function insertStep(ctx: Ctx, cadenceId: string, position: number, step: StepInput, now: string): void {
  run(
    ctx.sqlite,
    `INSERT INTO cadence_steps (id, cadence_id, position, day_offset, type, instruction, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    uuidv7(),
    cadenceId,
    position,
    step.dayOffset,
    step.type,
    step.instruction,
    now,
    now,
  );
}

export function createCadence(ctx: Ctx, input: CreateInput): Cadence {
  const id = uuidv7();
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(
      ctx.sqlite,
      `INSERT INTO cadences (id, name, description, skip_weekends, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      id,
      input.name,
      input.description ?? '',
      input.skipWeekends ? 1 : 0,
      now,
      now,
    );
    input.steps.forEach((step, position) => insertStep(ctx, id, position, step, now));
  });
  return getCadence(ctx, id);
}

/**
 * Steps are replaced position by position. Follow-ups already scheduled by running enrolments keep their
 * text and dates; a removed step's follow-ups simply lose the link to it.
 */
function replaceSteps(ctx: Ctx, cadenceId: string, steps: StepInput[], now: string): void {
  const existing = all<Row<typeof cadenceSteps, 'id' | 'position'>>(
    ctx.sqlite,
    'SELECT id, position FROM cadence_steps WHERE cadence_id = ? ORDER BY position',
    cadenceId,
  );
  steps.forEach((step, position) => {
    const old = existing[position];
    if (!old) return insertStep(ctx, cadenceId, position, step, now);
    run(
      ctx.sqlite,
      'UPDATE cadence_steps SET position = ?, day_offset = ?, type = ?, instruction = ?, updated_at = ? WHERE id = ?',
      position,
      step.dayOffset,
      step.type,
      step.instruction,
      now,
      old.id,
    );
  });
  for (const old of existing.slice(steps.length)) {
    run(ctx.sqlite, 'UPDATE activities SET cadence_step_id = NULL WHERE cadence_step_id = ?', old.id);
    run(ctx.sqlite, 'DELETE FROM cadence_steps WHERE id = ?', old.id);
  }
}

export function updateCadence(ctx: Ctx, id: string, patch: PatchInput): Cadence {
  const current = getCadence(ctx, id);
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    run(
      ctx.sqlite,
      'UPDATE cadences SET name = ?, description = ?, skip_weekends = ?, updated_at = ? WHERE id = ?',
      patch.name ?? current.name,
      patch.description ?? current.description,
      (patch.skipWeekends ?? current.skipWeekends) ? 1 : 0,
      now,
      id,
    );
    if (patch.steps) replaceSteps(ctx, id, patch.steps, now);
  });
  return getCadence(ctx, id);
}

/** Soft delete: running enrolments stop and their open steps are cancelled, as `deletion.impact` says first. */
export function deleteCadence(ctx: Ctx, id: string): { id: string } {
  getCadence(ctx, id);
  softDelete(ctx, 'cadence', id);
  return { id };
}

/** The cadence comes back; the enrolments its delete stopped stay stopped (their steps were cancelled). */
export function restoreCadence(ctx: Ctx, id: string): Cadence {
  getCadence(ctx, id, true);
  softRestore(ctx, 'cadence', id);
  return getCadence(ctx, id);
}
