import type { ReportData } from '@shared/api/reports';
import { CONTACT_NAME } from '../activities/queries';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import type { Window } from '../results/conversions';

type Changes = ReportData['changes'];
/** Each list shows its first rows; the count is the whole of it. */
export const LIST_ROWS = 12;
const DAY = 86_400_000;

const DEAL = `l.id, l.title, ${CONTACT_NAME('c')} AS contactName, l.value_minor AS valueMinor, s.name AS stage`;

/**
 * Deals whose last stage change in the period took them to a later open stage. Read by time through the
 * stage history, so a quiet week costs nothing however many leads the business has.
 */
// CROSS JOIN keeps this order: the period's changes by time, then the stages rule out most of them before a
// lead is read.
const ADVANCED_FROM = `FROM lead_stage_history h INDEXED BY lead_stage_history_changed_idx
     CROSS JOIN pipeline_stages s ON s.id = h.to_stage_id
     CROSS JOIN pipeline_stages f ON f.id = h.from_stage_id
     CROSS JOIN leads l ON l.id = h.lead_id
     LEFT JOIN contacts c ON c.id = l.contact_id
     WHERE h.changed_at >= ? AND h.changed_at < ? AND l.deleted_at IS NULL
       AND s.outcome = 'open' AND s.position > f.position
       AND h.changed_at = (SELECT max(x.changed_at) FROM lead_stage_history x
                           WHERE x.lead_id = h.lead_id AND x.changed_at < ?)`;
const ADVANCED_COUNT = `SELECT count(*) AS n ${ADVANCED_FROM}`;
const ADVANCED_ROWS = `SELECT ${DEAL}, f.name AS fromStage, h.changed_at AS at ${ADVANCED_FROM}
     ORDER BY l.value_minor DESC, h.changed_at DESC LIMIT ?`;

export function advanced(ctx: Ctx, w: Window): Changes['advanced'] {
  const count = get<{ n: number }>(ctx.sqlite, ADVANCED_COUNT, w.fromIso, w.untilIso, w.untilIso);
  const rows = all<Changes['advanced']['rows'][number]>(
    ctx.sqlite,
    ADVANCED_ROWS,
    w.fromIso,
    w.untilIso,
    w.untilIso,
    LIST_ROWS,
  );
  return { count: count?.n ?? 0, rows };
}

const CLOSED_FROM = `FROM leads l INDEXED BY leads_closed_idx
     JOIN pipeline_stages s ON s.id = l.stage_id
     LEFT JOIN contacts c ON c.id = l.contact_id
     WHERE l.deleted_at IS NULL AND l.closed_at >= ? AND l.closed_at < ? AND s.outcome = ?`;
const CLOSED_COUNT = `SELECT count(*) AS n ${CLOSED_FROM}`;
const CLOSED_ROWS = `SELECT ${DEAL}, l.closed_at AS at, l.lost_reason AS reason ${CLOSED_FROM}
     ORDER BY l.value_minor DESC, l.closed_at DESC LIMIT ?`;

/** Won or lost in the period: the same rows as the Results tiles (leads closed in the window). */
export function closed(ctx: Ctx, w: Window, outcome: 'won' | 'lost') {
  const count = get<{ n: number }>(ctx.sqlite, CLOSED_COUNT, w.fromIso, w.untilIso, outcome);
  const rows = all<Changes['lost']['rows'][number]>(
    ctx.sqlite,
    CLOSED_ROWS,
    w.fromIso,
    w.untilIso,
    outcome,
    LIST_ROWS,
  );
  return { count: count?.n ?? 0, rows };
}

const OPEN_DEAL = `s.outcome = 'open' AND s.deleted_at IS NULL AND l.deleted_at IS NULL AND l.created_at < ?`;
/** An open deal's last stage change before `?`, or its creation without one. */
const SINCE = `coalesce((SELECT max(h.changed_at) FROM lead_stage_history h
  WHERE h.lead_id = l.id AND h.changed_at < ?), l.created_at)`;

const STALLED_COUNTS = `SELECT
       (SELECT count(*) FROM pipeline_stages s CROSS JOIN leads l ON l.stage_id = s.id
        WHERE ${OPEN_DEAL}) AS open,
       (SELECT count(DISTINCT h.lead_id) FROM lead_stage_history h INDEXED BY lead_stage_history_changed_idx
          CROSS JOIN leads l ON l.id = h.lead_id CROSS JOIN pipeline_stages s ON s.id = l.stage_id
        WHERE h.changed_at >= ? AND h.changed_at < ? AND ${OPEN_DEAL}) AS moved,
       (SELECT count(*) FROM leads l INDEXED BY leads_created_idx CROSS JOIN pipeline_stages s ON s.id = l.stage_id
        WHERE l.created_at >= ? AND ${OPEN_DEAL} AND NOT EXISTS
          (SELECT 1 FROM lead_stage_history x WHERE x.lead_id = l.id AND x.changed_at < ?)) AS created`;
const STALLED_ROWS = `SELECT ${DEAL}, o.at FROM (
       SELECT * FROM (
         SELECT l.id, l.value_minor AS valueMinor, ${SINCE} AS at
         FROM leads l INDEXED BY leads_live_value_idx CROSS JOIN pipeline_stages s ON s.id = l.stage_id
         WHERE ${OPEN_DEAL})
       WHERE at < ? ORDER BY valueMinor DESC, at LIMIT ?) o
     JOIN leads l ON l.id = o.id
     JOIN pipeline_stages s ON s.id = l.stage_id
     LEFT JOIN contacts c ON c.id = l.contact_id
     ORDER BY o.valueMinor DESC, o.at`;

/**
 * Open deals that, at the end of the period (or now, if it is still running), have sat in their stage for
 * more than `days` days: since their last stage change, or since they were created without one.
 *
 * Counted as every open deal less the recently moved ones (a stage change in the last `days` days, read by
 * time) and the recently created ones without a change, so the count reads no deal's history one by one;
 * the top rows are read in value order, each deal's last change looked up until enough stalled ones are found.
 */
export function stalled(ctx: Ctx, w: Window, days: number): Changes['stalled'] {
  const asOf = w.untilIso < ctx.nowIso() ? w.untilIso : ctx.nowIso();
  const cutoff = new Date(Date.parse(asOf) - days * DAY).toISOString();
  const counts = get<{ open: number; moved: number; created: number }>(
    ctx.sqlite,
    STALLED_COUNTS,
    asOf,
    cutoff,
    asOf,
    asOf,
    cutoff,
    asOf,
    asOf,
  );
  const rows = all<Omit<Changes['stalled']['rows'][number], 'days'>>(
    ctx.sqlite,
    STALLED_ROWS,
    asOf,
    asOf,
    cutoff,
    LIST_ROWS,
  );
  return {
    count: counts ? counts.open - counts.moved - counts.created : 0,
    rows: rows.map((r) => ({ ...r, days: Math.floor((Date.parse(asOf) - Date.parse(r.at)) / DAY) })),
  };
}

/** Every statement of the report's changes, by name, for the query-plan test. */
export const CHANGES_STATEMENTS = {
  ADVANCED_COUNT,
  ADVANCED_ROWS,
  CLOSED_COUNT,
  CLOSED_ROWS,
  STALLED_COUNTS,
  STALLED_ROWS,
};

export function changesOf(ctx: Ctx, w: Window, stalledDays: number): Changes {
  return {
    advanced: advanced(ctx, w),
    stalled: stalled(ctx, w, stalledDays),
    won: closed(ctx, w, 'won'),
    lost: closed(ctx, w, 'lost'),
  };
}
