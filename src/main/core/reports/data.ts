import type { z } from 'zod';
import type { ReportData, ReportDataInput } from '@shared/api/reports';
import { addDays, dayStartIso } from '@shared/domain/dates';
import { CONTACT_NAME } from '../activities/queries';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { summaryDashboard } from '../results/summary';
import { windowOf } from '../results/period';
import { getSettings } from '../settings/service';
import { todayOf } from '../today/day';
import { changesOf, LIST_ROWS } from './changes';

type Input = z.output<typeof ReportDataInput>;
type Window = ReturnType<typeof windowOf>;

// The open leads are summed per stage from the covering index the board reads (CROSS JOIN keeps the few
// open stages outside); stages without deals join back with zeros. A past period counts the deals that
// existed when it ended.
const pipelineSql = (past: boolean) => `
  SELECT s.id AS stageId, s.name, s.probability, coalesce(a.deals, 0) AS deals,
         coalesce(a.valueMinor, 0) AS valueMinor, coalesce(a.weighted, 0) / 100 AS weightedMinor
  FROM pipeline_stages s LEFT JOIN (
    SELECT o.id AS stageId, count(*) AS deals, sum(l.value_minor) AS valueMinor,
           sum(l.value_minor * min(100, max(0, o.probability))) AS weighted
    FROM pipeline_stages o CROSS JOIN leads l ON l.stage_id = o.id
    WHERE o.outcome = 'open' AND o.deleted_at IS NULL AND l.deleted_at IS NULL ${past ? 'AND l.created_at < ?' : ''}
    GROUP BY o.id) a ON a.stageId = s.id
  WHERE s.outcome = 'open' AND s.deleted_at IS NULL
  ORDER BY s.position`;
export const PIPELINE_NOW = pipelineSql(false);
export const PIPELINE_BEFORE = pipelineSql(true);

/**
 * Open deals by stage with their value, as the Results pipeline tile counts them: today's board for a
 * running period, and for a past one the deals that existed when it ended.
 */
export function pipelineByStage(ctx: Ctx, w: Window): ReportData['pipeline'] {
  return w.untilIso > ctx.nowIso()
    ? all<ReportData['pipeline'][number]>(ctx.sqlite, PIPELINE_NOW)
    : all<ReportData['pipeline'][number]>(ctx.sqlite, PIPELINE_BEFORE, w.untilIso);
}

const OPEN = 'a.done_at IS NULL AND a.deleted_at IS NULL';

/** Open follow-ups due in [from, until), read through the open-activities index like the Today queue. */
export function followUps(ctx: Ctx, fromIso: string, untilIso: string) {
  const count = get<{ n: number }>(
    ctx.sqlite,
    `SELECT count(*) AS n FROM activities a INDEXED BY activities_open_due_idx
     WHERE ${OPEN} AND a.due_at >= ? AND a.due_at < ?`,
    fromIso,
    untilIso,
  );
  const rows = all<ReportData['followUps']['overdue']['rows'][number]>(
    ctx.sqlite,
    `SELECT a.id, a.type, a.subject, a.due_at AS dueAt,
       (SELECT l.title FROM leads l WHERE l.id = a.lead_id) AS leadTitle,
       (SELECT ${CONTACT_NAME('c')} FROM contacts c WHERE c.id = a.contact_id) AS contactName
     FROM activities a INDEXED BY activities_open_due_idx
     WHERE ${OPEN} AND a.due_at >= ? AND a.due_at < ?
     ORDER BY a.due_at, a.id LIMIT ?`,
    fromIso,
    untilIso,
    LIST_ROWS,
  );
  return { count: count?.n ?? 0, rows };
}

/**
 * Everything the meeting report prints. The numbers come from `results.dashboard` itself (the call
 * `results.summary` makes), so the PDF, the Results screen and `tandem summary` agree to the cent.
 */
export function reportData(ctx: Ctx, input: Input): ReportData {
  const d = summaryDashboard(ctx, input);
  const settings = getSettings(ctx);
  const w = windowOf(input.from, input.to);
  const today = todayOf(ctx);
  const startOfToday = dayStartIso(today);
  const changes = changesOf(ctx, w, input.stalledDays);
  const topSources = d.channels
    .filter((c) => c.leads > 0 || c.revenueMinor > 0)
    .map((c) => ({
      channel: c.channel,
      leads: c.leads,
      qualifiedLeads: c.qualifiedLeads,
      won: c.won,
      revenueMinor: c.revenueMinor,
    }))
    .sort((a, b) => b.leads - a.leads || b.revenueMinor - a.revenueMinor)
    .slice(0, 8);
  const value = (id: string) => d.tiles.find((t) => t.id === id)?.value ?? 0;
  const empty =
    ['spend', 'leads', 'won', 'lost', 'revenue'].every((id) => !value(id)) &&
    d.emptyHints.visits &&
    changes.advanced.count === 0;
  return {
    businessName: settings.businessName,
    timeZone: 'UTC',
    generatedAt: ctx.nowIso(),
    today,
    stalledDays: input.stalledDays,
    dashboard: d,
    pipeline: pipelineByStage(ctx, w),
    changes,
    followUps: {
      overdue: followUps(ctx, '', startOfToday),
      nextWeek: followUps(ctx, startOfToday, dayStartIso(addDays(today, 8))),
    },
    topSources,
    empty,
  };
}
