import type { OrderSummary, TimelineEntry } from '@shared/api/activities';
import type { Ctx } from '../context';
import { all } from '../db/prepared';
import type { leads as leadsTable, orders } from '../db/schema';
import type { Row } from '../db/typed';

const ORDER_COLUMNS = `o.id, o.external_id AS externalId, o.ordered_at AS orderedAt, o.currency, o.total_minor AS totalMinor,
  o.refunded_minor AS refundedMinor, o.status, o.lead_id AS leadId`;

/** Orders of the given contacts or leads, newest first. */
export function ordersFor(
  ctx: Ctx,
  scope: { contactIds?: string[]; leadIds?: string[] },
  limit = 100,
): OrderSummary[] {
  return all<
    Row<
      typeof orders,
      'id' | 'externalId' | 'orderedAt' | 'currency' | 'totalMinor' | 'refundedMinor' | 'status' | 'leadId'
    >
  >(
    ctx.sqlite,
    `SELECT ${ORDER_COLUMNS} FROM orders o
     WHERE o.deleted_at IS NULL
       AND (o.contact_id IN (SELECT value FROM json_each(?)) OR o.lead_id IN (SELECT value FROM json_each(?)))
     ORDER BY o.ordered_at DESC, o.id LIMIT ?`,
    JSON.stringify(scope.contactIds ?? []),
    JSON.stringify(scope.leadIds ?? []),
    limit,
  );
}

/**
 * One history for a contact, company or lead, newest first: follow-ups (by when done, or when due), leads
 * created, stage changes and orders. At the same instant a lead's creation sorts after what followed it.
 */
export function timelineFor(
  ctx: Ctx,
  scope: { contactIds?: string[]; leadIds?: string[] },
  limit = 200,
): TimelineEntry[] {
  const contacts = JSON.stringify(scope.contactIds ?? []);
  const leadScope = all<Row<typeof leadsTable, 'id'>>(
    ctx.sqlite,
    `SELECT id FROM leads WHERE deleted_at IS NULL
       AND (id IN (SELECT value FROM json_each(?)) OR contact_id IN (SELECT value FROM json_each(?)))`,
    JSON.stringify(scope.leadIds ?? []),
    contacts,
  );
  const leads = JSON.stringify(leadScope.map((l) => l.id));
  return all<TimelineEntry>(
    ctx.sqlite,
    `SELECT * FROM (
       SELECT 'activity' AS kind, a.id, coalesce(a.done_at, a.due_at, a.created_at) AS at,
         upper(substr(a.type, 1, 1)) || substr(a.type, 2) || ': ' || a.subject AS title,
         coalesce(nullif(a.outcome, ''), substr(a.notes, 1, 200), '') AS detail, a.lead_id AS leadId,
         CASE WHEN a.done_at IS NULL THEN 'open' ELSE 'done' END AS status
       FROM activities a
       WHERE a.deleted_at IS NULL
         AND (a.lead_id IN (SELECT value FROM json_each(@leads)) OR a.contact_id IN (SELECT value FROM json_each(@contacts)))
       UNION ALL
       SELECT 'lead', l.id, l.created_at, 'Lead created: ' || l.title, '', l.id, NULL
       FROM leads l WHERE l.id IN (SELECT value FROM json_each(@leads))
       UNION ALL
       SELECT 'stage', h.id, h.changed_at, 'Moved to ' || s.name, coalesce('from ' || f.name, ''), h.lead_id, s.outcome
       FROM lead_stage_history h
       JOIN pipeline_stages s ON s.id = h.to_stage_id
       LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id
       WHERE h.lead_id IN (SELECT value FROM json_each(@leads)) AND h.from_stage_id IS NOT NULL
       UNION ALL
       SELECT 'order', o.id, o.ordered_at, 'Order ' || o.external_id, o.status, o.lead_id, o.status
       FROM orders o
       WHERE o.deleted_at IS NULL
         AND (o.contact_id IN (SELECT value FROM json_each(@contacts)) OR o.lead_id IN (SELECT value FROM json_each(@leads)))
     ) ORDER BY at DESC, kind = 'lead', id DESC LIMIT @limit`,
    { leads, contacts, limit },
  );
}
