import { isQualifiedLead, QUALIFYING_RATING } from '@shared/domain/kpi';
import { addDays, daysBetween } from '@shared/domain/dates';
import { lastDayOfMonth } from '@shared/domain/periods';
import type { Ctx } from '../context';
import type { leadDays, leadMonths, pipelineStages } from '../db/schema';
import { statement, type Row } from '../db/typed';
import type { Window } from './conversions';

/**
 * Reads of the lead rollups of migration 0020 (lead_contributions, lead_months, lead_days, lead_stage_months;
 * see schema/results.ts). A period's leads are its whole months' rows of lead_months plus, for a month the
 * period covers in part, the days it covers from lead_contributions — or, when it covers most of the month,
 * the month's row less the days it leaves out, so no more than half a month is read lead by lead.
 */

/** Whole months (`YYYY-MM`, both included) or days (`YYYY-MM-DD`, both included), added or taken away. */
export type Piece = { sign: 1 | -1 } & ({ months: [string, string] } | { days: [string, string] });

const monthOf = (day: string) => day.slice(0, 7);
const monthEnd = (month: string) =>
  `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

/** The pieces whose signed sum is the period from `fromDay` to `toDay` (both included). */
export function periodPieces(fromDay: string, toDay: string): Piece[] {
  const pieces: Piece[] = [];
  let whole: [string, string] | null = null;
  for (let first = `${monthOf(fromDay)}-01`; first <= toDay; first = addDays(monthEnd(monthOf(first)), 1)) {
    const month = monthOf(first);
    const last = monthEnd(month);
    const from = fromDay > first ? fromDay : first;
    const to = toDay < last ? toDay : last;
    if (from === first && to === last) {
      whole = whole ? [whole[0], month] : [month, month];
      continue;
    }
    if (whole) pieces.push({ sign: 1, months: whole });
    whole = null;
    if ((daysBetween(from, to) + 1) * 2 <= daysBetween(first, last) + 1) {
      pieces.push({ sign: 1, days: [from, to] });
      continue;
    }
    pieces.push({ sign: 1, months: [month, month] });
    if (from > first) pieces.push({ sign: -1, days: [first, addDays(from, -1)] });
    if (to < last) pieces.push({ sign: -1, days: [addDays(to, 1), last] });
  }
  if (whole) pieces.push({ sign: 1, months: whole });
  return pieces;
}

type Counts = Row<typeof leadMonths, 'leads' | 'high' | 'ratingSum' | 'ratingCount'>;
/** Leads created in a period with one campaign, channel, stage and path ('' for no campaign or channel). */
export type LeadGroup = Row<typeof leadMonths, 'campaignId' | 'channel' | 'stageId' | 'path'> & Counts;

export const LEAD_MONTHS = statement<LeadGroup, [string, string]>(
  `SELECT campaign_id AS campaignId, channel, stage_id AS stageId, path, leads, high,
          rating_sum AS ratingSum, rating_count AS ratingCount
   FROM lead_months WHERE month BETWEEN ? AND ?`,
);
export const LEAD_CONTRIBUTION_DAYS = statement<LeadGroup, [string, string]>(
  `SELECT coalesce(campaign_id, '') AS campaignId, coalesce(channel, '') AS channel, stage_id AS stageId, path,
          count(*) AS leads, count(CASE WHEN rating >= ${QUALIFYING_RATING} THEN 1 END) AS high,
          coalesce(sum(rating), 0) AS ratingSum, count(rating) AS ratingCount
   FROM lead_contributions WHERE created_at >= ? AND created_at < ?
   GROUP BY campaign_id, channel, stage_id, path`,
);

const startOf = (day: string) => `${day}T00:00:00.000Z`;

export type StageFacts = Row<
  typeof pipelineStages,
  'id' | 'position' | 'outcome' | 'probability' | 'deletedAt'
>;

export const ALL_STAGES = statement<StageFacts, []>(
  'SELECT id, position, outcome, probability, deleted_at AS deletedAt FROM pipeline_stages',
);

/** Every stage, deleted ones too (a lead's history may name them), by id. */
export function stagesById(ctx: Ctx): Map<string, StageFacts> {
  return new Map(ALL_STAGES.all(ctx.sqlite).map((s) => [s.id, s]));
}

/**
 * Whether a lead in `stageId` that has been in the stages of `path` is qualified by isQualifiedLead whatever
 * its rating; null when its stage no longer exists (such a lead is not counted, as it joins no stage).
 */
function qualifiesByStage(
  stageId: string,
  path: string,
  stages: ReadonlyMap<string, StageFacts>,
  threshold: number | null,
): boolean | null {
  const stage = stages.get(stageId);
  if (!stage) return null;
  let furthest: number | null = null;
  for (const id of path.split(',')) {
    const s = stages.get(id);
    if (s && s.outcome !== 'lost' && (furthest === null || s.position > furthest)) furthest = s.position;
  }
  return isQualifiedLead(
    {
      rating: null,
      stagePosition: stage.position,
      stageOutcome: stage.outcome,
      furthestOpenPosition: furthest,
    },
    threshold,
  );
}

/** Leads created in a period with one campaign and channel (null for none). */
export interface CreatedLeads {
  campaignId: string | null;
  channel: string | null;
  leads: number;
  qualified: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * The leads created in a window per campaign and channel, qualified under the stages as they are now
 * (`threshold`: qualifiedPosition); pairs without leads are left out.
 */
export function createdLeads(
  ctx: Ctx,
  window: Window,
  stages: ReadonlyMap<string, StageFacts>,
  threshold: number | null,
): CreatedLeads[] {
  const byStage = new Map<string, Map<string, boolean | null>>();
  const pairs = new Map<string, CreatedLeads>();
  for (const piece of periodPieces(window.fromDay, window.toDay)) {
    const rows =
      'months' in piece
        ? LEAD_MONTHS.all(ctx.sqlite, ...piece.months)
        : LEAD_CONTRIBUTION_DAYS.all(ctx.sqlite, startOf(piece.days[0]), startOf(addDays(piece.days[1], 1)));
    for (const r of rows) {
      let paths = byStage.get(r.stageId);
      if (!paths) byStage.set(r.stageId, (paths = new Map()));
      let qualifies = paths.get(r.path);
      if (qualifies === undefined)
        paths.set(r.path, (qualifies = qualifiesByStage(r.stageId, r.path, stages, threshold)));
      if (qualifies === null) continue;
      const key = `${r.campaignId}\u0000${r.channel}`;
      let pair = pairs.get(key);
      if (!pair) {
        pair = {
          campaignId: r.campaignId || null,
          channel: r.channel || null,
          leads: 0,
          qualified: 0,
          ratingSum: 0,
          ratingCount: 0,
        };
        pairs.set(key, pair);
      }
      pair.leads += piece.sign * r.leads;
      pair.qualified += piece.sign * (qualifies ? r.leads : r.high);
      pair.ratingSum += piece.sign * r.ratingSum;
      pair.ratingCount += piece.sign * r.ratingCount;
    }
  }
  return [...pairs.values()].filter((p) => p.leads !== 0);
}

export const LEADS_BY_DAY = statement<{ day: string; leads: number }, [string, string]>(
  'SELECT day, sum(leads) AS leads FROM lead_days WHERE day BETWEEN ? AND ? GROUP BY day',
);

const LEAD_COUNT = statement<{ n: number }, [string, string]>(
  'SELECT coalesce(sum(leads), 0) AS n FROM lead_days WHERE day BETWEEN ? AND ?',
);

/** Live leads created in a window (GOAL_LEADS of goals.ts, from the rollup). */
export function leadCount(ctx: Ctx, window: Window): number {
  return LEAD_COUNT.get(ctx.sqlite, window.fromDay, window.toDay)?.n ?? 0;
}

/** Leads created per day of a window; days without leads are absent. */
export function leadsByDay(ctx: Ctx, window: Window): Map<string, number> {
  return new Map(LEADS_BY_DAY.all(ctx.sqlite, window.fromDay, window.toDay).map((r) => [r.day, r.leads]));
}

type StageSum = Row<typeof leadDays, 'stageId' | 'leads' | 'valueMinor'>;

/** Every live open stage with its leads, ahead of the rollup rows so each reads its own range. */
export const OPEN_PIPELINE = statement<StageSum, []>(
  `SELECT s.id AS stageId, sum(p.leads) AS leads, sum(p.value_minor) AS valueMinor
   FROM pipeline_stages s CROSS JOIN lead_stage_months p ON p.stage_id = s.id
   WHERE s.outcome = 'open' AND s.deleted_at IS NULL GROUP BY s.id`,
);
export const OPEN_PIPELINE_MONTHS_BEFORE = statement<StageSum, [string]>(
  `SELECT s.id AS stageId, sum(p.leads) AS leads, sum(p.value_minor) AS valueMinor
   FROM pipeline_stages s CROSS JOIN lead_stage_months p ON p.stage_id = s.id AND p.month < ?
   WHERE s.outcome = 'open' AND s.deleted_at IS NULL GROUP BY s.id`,
);
export const PIPELINE_DAYS = statement<StageSum, [string, string]>(
  `SELECT stage_id AS stageId, sum(leads) AS leads, sum(value_minor) AS valueMinor
   FROM lead_days WHERE day >= ? AND day < ? GROUP BY stage_id`,
);

export interface Pipeline {
  unweightedMinor: number;
  /** Σ value × probability (clamped to 0–100), in hundredths of a minor unit. */
  weightedPercent: number;
  openLeads: number;
}

/**
 * The open pipeline (pipelineValue in shared/domain/kpi): live leads in live open stages, all of them or only
 * those created before `beforeDay`.
 */
export function openPipeline(
  ctx: Ctx,
  stages: ReadonlyMap<string, StageFacts>,
  beforeDay: string | null,
): Pipeline {
  const sums =
    beforeDay === null
      ? OPEN_PIPELINE.all(ctx.sqlite)
      : [
          ...OPEN_PIPELINE_MONTHS_BEFORE.all(ctx.sqlite, monthOf(beforeDay)),
          ...PIPELINE_DAYS.all(ctx.sqlite, `${monthOf(beforeDay)}-01`, beforeDay),
        ];
  const out: Pipeline = { unweightedMinor: 0, weightedPercent: 0, openLeads: 0 };
  for (const r of sums) {
    const stage = stages.get(r.stageId);
    if (!stage || stage.outcome !== 'open' || stage.deletedAt !== null) continue;
    out.openLeads += r.leads;
    out.unweightedMinor += r.valueMinor;
    out.weightedPercent += r.valueMinor * Math.min(100, Math.max(0, stage.probability));
  }
  return out;
}
