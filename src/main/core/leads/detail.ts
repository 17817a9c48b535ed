import type { z } from 'zod';
import type { LeadDetail, StageChange } from '@shared/api/leads';
import { activitiesFor } from '../activities/queries';
import { ordersFor } from '../activities/timeline';
import { listEnrollments } from '../cadences/enroll';
import type { Ctx } from '../context';
import { all } from '../db/prepared';
import { getLead } from './queries';
import type { leadStageHistory } from '../db/schema';
import type { Row } from '../db/typed';

type Change = z.infer<typeof StageChange>;
/** Lead stage history with the two stages' names. */
type ChangeRow = Row<typeof leadStageHistory, 'id' | 'fromStageId' | 'toStageId' | 'changedAt'> & {
  fromStageName: string | null;
  toStageName: string;
};

/** Every stage the lead entered, oldest first, with when. */
export function stageHistory(ctx: Ctx, leadId: string): Change[] {
  getLead(ctx, leadId, true);
  return all<ChangeRow>(
    ctx.sqlite,
    `SELECT h.id, h.from_stage_id AS fromStageId, f.name AS fromStageName, h.to_stage_id AS toStageId,
       t.name AS toStageName, h.changed_at AS changedAt
     FROM lead_stage_history h
     JOIN pipeline_stages t ON t.id = h.to_stage_id
     LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id
     WHERE h.lead_id = ? ORDER BY h.changed_at, h.rowid`,
    leadId,
  );
}

export function leadDetail(ctx: Ctx, id: string): z.infer<typeof LeadDetail> {
  const lead = getLead(ctx, id);
  return {
    lead,
    history: stageHistory(ctx, id),
    activities: activitiesFor(ctx, 'lead_id', id),
    enrollments: listEnrollments(ctx, { leadId: id }),
    orders: ordersFor(ctx, { leadIds: [id] }),
  };
}
