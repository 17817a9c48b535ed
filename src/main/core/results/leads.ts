import { isQualifiedLead, qualifiedStagePosition, type StageInfo } from '@shared/domain/kpi';
import type { Ctx } from '../context';
import type { leads, pipelineStages } from '../db/schema';
import { statement, type Row } from '../db/typed';

/** One lead with what the marketing numbers need to know about it. */
export interface LeadFact {
  id: string;
  title: string;
  campaignId: string | null;
  contactName: string | null;
  rating: number | null;
  ratingNote: string;
  valueMinor: number;
  createdAt: string;
  closedAt: string | null;
  stageName: string;
  stagePosition: number;
  stageOutcome: string;
  probability: number;
  qualified: boolean;
}

/** SELECT_LEADS: the lead's columns, its stage's and its contact's name. */
type LeadRow = Row<
  typeof leads,
  'id' | 'title' | 'campaignId' | 'rating' | 'ratingNote' | 'valueMinor' | 'createdAt' | 'closedAt'
> &
  Row<typeof pipelineStages, 'probability'> & {
    contactName: string | null;
    stageName: string;
    stagePosition: number;
    stageOutcome: string;
    furthestOpenPosition: number | null;
  };

// The furthest non-lost stage a lead has been in, from its history, decides "qualified" for leads lost later.
const SELECT_LEADS = `
  SELECT l.id, l.title, l.campaign_id AS campaignId, l.rating, l.rating_note AS ratingNote,
         l.value_minor AS valueMinor, l.created_at AS createdAt, l.closed_at AS closedAt,
         nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') AS contactName,
         s.name AS stageName, s.position AS stagePosition, s.outcome AS stageOutcome, s.probability,
         (SELECT max(hs.position) FROM lead_stage_history h JOIN pipeline_stages hs ON hs.id = h.to_stage_id
           WHERE h.lead_id = l.id AND hs.outcome <> 'lost') AS furthestOpenPosition
  FROM leads l
  JOIN pipeline_stages s ON s.id = l.stage_id
  LEFT JOIN contacts c ON c.id = l.contact_id
  WHERE l.deleted_at IS NULL`;

const liveStages = statement<Row<typeof pipelineStages, 'name' | 'position' | 'outcome'>, []>(
  'SELECT name, position, outcome FROM pipeline_stages WHERE deleted_at IS NULL',
);
const everyLead = statement<LeadRow, []>(SELECT_LEADS);
const campaignLeads = statement<LeadRow, [string]>(
  `${SELECT_LEADS} AND l.campaign_id = ? ORDER BY l.created_at DESC, l.id`,
);

export function qualifiedPosition(ctx: Ctx): number | null {
  const stages: StageInfo[] = liveStages.all(ctx.sqlite);
  return qualifiedStagePosition(stages);
}

function toFacts(ctx: Ctx, rows: LeadRow[]): LeadFact[] {
  const threshold = qualifiedPosition(ctx);
  return rows.map(({ furthestOpenPosition, ...row }) => ({
    ...row,
    qualified: isQualifiedLead(
      {
        rating: row.rating,
        stagePosition: row.stagePosition,
        stageOutcome: row.stageOutcome,
        furthestOpenPosition,
      },
      threshold,
    ),
  }));
}

/** Every live lead. */
export function allLeadFacts(ctx: Ctx): LeadFact[] {
  return toFacts(ctx, everyLead.all(ctx.sqlite));
}

/** The live leads of one campaign, newest first. */
export function campaignLeadFacts(ctx: Ctx, campaignId: string): LeadFact[] {
  const rows = campaignLeads.all(ctx.sqlite, campaignId);
  return toFacts(ctx, rows);
}
