import type { Board, LeadFilter } from '@shared/api/leads';
import type { Ctx } from '../context';
import { all } from '../db/prepared';
import { leadFilter, leadsByIds } from './queries';
import { listStages, stageRows } from './stages';
import type { leads as leadsTable } from '../db/schema';
import type { Row } from '../db/typed';

/**
 * The pipeline board: one column per stage with its count and value (plain and weighted by the stage's win
 * probability) and the first `perStage` cards in board order, each with its next follow-up.
 */
export function leadBoard(ctx: Ctx, input: LeadFilter & { perStage: number }): Board {
  const { where, params } = leadFilter(input);
  const totals = new Map(
    all<Row<typeof leadsTable, 'stageId'> & { n: number; value: number }>(
      ctx.sqlite,
      `SELECT l.stage_id AS stageId, count(*) AS n, coalesce(sum(l.value_minor), 0) AS value FROM leads l
       WHERE ${where} GROUP BY l.stage_id`,
      ...params,
    ).map((t) => [t.stageId, t]),
  );
  // Unfiltered, the column counts are the stages' lead counts: no second pass over the leads.
  const unfiltered = params.length === 0 && where === 'l.deleted_at IS NULL';
  const stages = unfiltered
    ? stageRows(ctx).map((s) => ({ ...s, leadCount: totals.get(s.id)?.n ?? 0 }))
    : listStages(ctx);
  const cardIds = new Map<string, string[]>();
  for (const stage of stages) {
    if (input.stageId && input.stageId !== stage.id) continue;
    if (!totals.get(stage.id)) continue;
    const ids = all<Row<typeof leadsTable, 'id'>>(
      ctx.sqlite,
      `SELECT l.id FROM leads l WHERE ${where} AND l.stage_id = ? ORDER BY l.board_rank, l.id LIMIT ?`,
      ...params,
      stage.id,
      input.perStage,
    ).map((r) => r.id);
    cardIds.set(stage.id, ids);
  }
  const leads = new Map(leadsByIds(ctx, [...cardIds.values()].flat()).map((l) => [l.id, l]));
  let pipelineValueMinor = 0;
  let weightedPipelineValueMinor = 0;
  const columns = stages.map((stage) => {
    const total = totals.get(stage.id);
    const count = total?.n ?? 0;
    const totalValueMinor = total?.value ?? 0;
    const weightedValueMinor = Math.round((totalValueMinor * stage.probability) / 100);
    if (stage.outcome === 'open') {
      pipelineValueMinor += totalValueMinor;
      weightedPipelineValueMinor += weightedValueMinor;
    }
    const cards = (cardIds.get(stage.id) ?? []).flatMap((id) => leads.get(id) ?? []);
    return { stage, count, totalValueMinor, weightedValueMinor, cards, hasMore: count > cards.length };
  });
  return { columns, pipelineValueMinor, weightedPipelineValueMinor };
}
