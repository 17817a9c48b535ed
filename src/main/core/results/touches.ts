import type { z } from 'zod';
import type { Touch, TouchCreate } from '@shared/api/results';
import type { Touch as ModelTouch, TouchKind } from '@shared/domain/attribution';
import { dayStartIso } from '@shared/domain/dates';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { manualTouches } from '../db/schema';
import { writeTransaction } from '../db/transaction';

interface TouchRow {
  id: string;
  contactId: string;
  at: string;
  kind: TouchKind;
  channel: string | null;
  campaignId: string | null;
  contentId: string | null;
  sourceTable: string | null;
  sourceId: string | null;
}

const TOUCH_COLUMNS = `t.id, t.contact_id AS contactId, t.at, t.kind, t.channel, t.campaign_id AS campaignId,
  t.content_item_id AS contentId, t.source_table AS sourceTable, t.source_id AS sourceId`;

const KIND_LABELS: Record<string, string> = {
  lead_source: 'Lead created',
  original_source: 'Original source',
  order: 'Order',
  payment: 'Payment',
  email_click: 'Clicked an e-mail',
  event: 'Came to an event',
  manual: 'Manual touch',
};

/** A contact's touch log, oldest first, with what each touch is and where it comes from. */
export function listTouches(ctx: Ctx, contactId: string): { touches: Touch[] } {
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${TOUCH_COLUMNS}, c.name AS campaignName, m.note AS note
       FROM touches t
       LEFT JOIN campaigns c ON c.id = t.campaign_id
       LEFT JOIN manual_touches m ON t.kind = 'manual' AND m.id = t.id
       WHERE t.contact_id = ? ORDER BY t.at, t.id`,
    )
    .all(contactId) as (TouchRow & { campaignName: string | null; note: string | null })[];
  return { touches: rows.map(toTouch) };
}

function toTouch(row: TouchRow & { campaignName: string | null; note: string | null }): Touch {
  const base = KIND_LABELS[row.kind] ?? row.kind;
  const label =
    row.kind === 'manual' && row.note ? row.note : row.campaignName ? `${base} · ${row.campaignName}` : base;
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as Touch['kind'],
    channel: row.channel,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    contentId: row.contentId,
    label,
    source: row.sourceTable && row.sourceId ? { table: row.sourceTable, id: row.sourceId } : null,
    manual: row.kind === 'manual',
  };
}

export function createTouch(ctx: Ctx, input: z.output<typeof TouchCreate>): Touch {
  return writeTransaction(ctx.sqlite, () => {
    const contact = ctx.sqlite
      .prepare('SELECT id FROM contacts WHERE id = ? AND deleted_at IS NULL')
      .get(input.contactId);
    if (!contact) fail('not_found', 'That contact does not exist or was deleted.');
    let channel: string | null = input.channel ?? null;
    if (input.campaignId) {
      const campaign = ctx.sqlite
        .prepare('SELECT channel FROM campaigns WHERE id = ? AND deleted_at IS NULL')
        .get(input.campaignId) as { channel: string } | undefined;
      if (!campaign) fail('not_found', 'That campaign does not exist or was deleted.');
      channel ??= campaign!.channel;
    }
    const at = input.at.length === 10 ? dayStartIso(input.at) : new Date(input.at).toISOString();
    const row = ctx.db
      .insert(manualTouches)
      .values({
        contactId: input.contactId,
        at,
        channel,
        campaignId: input.campaignId ?? null,
        note: input.note,
      })
      .returning({ id: manualTouches.id })
      .get();
    const touch = listTouches(ctx, input.contactId).touches.find((t) => t.id === row.id);
    if (!touch) return fail('internal', `manual touch ${row.id} did not appear in the touch log`);
    return touch;
  });
}

export function deleteTouch(ctx: Ctx, id: string): { id: string } {
  const result = ctx.sqlite
    .prepare('UPDATE manual_touches SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(ctx.nowIso(), ctx.nowIso(), id);
  if (result.changes === 0) {
    const other = ctx.sqlite.prepare('SELECT kind FROM touches WHERE id = ?').get(id) as
      { kind: string } | undefined;
    if (other)
      fail(
        'conflict',
        `That touch comes from its ${other.kind.replace('_', ' ')} record; change or delete the record instead.`,
      );
    fail('not_found', 'That touch does not exist or was already deleted.');
  }
  return { id };
}

/** Read from the covering index on (at, …) of the touches table alone (see the query-plan test). */
export const TOUCHES_BY_TIME = `
  SELECT t.contact_id AS contactId, t.at, t.kind, t.channel, t.campaign_id AS campaignId,
         t.content_item_id AS contentId
  FROM touches t WHERE t.at >= ? AND t.at < ?`;

/** How the triggers refresh the touches table from the touch_log view: one record, or one campaign's. */
export const TOUCH_LOG_BY_ID = 'SELECT * FROM touch_log WHERE id = ?';
export const TOUCH_LOG_BY_CAMPAIGN = 'SELECT * FROM touch_log WHERE campaign_id = ?';

/** The order of the touch_log view's branches. */
const KIND_ORDER: readonly TouchKind[] = [
  'lead_source',
  'original_source',
  'order',
  'payment',
  'manual',
  'email_click',
  'event',
];

/**
 * Touches of the given contacts that may take credit for a conversion between `fromIso` and `untilIso`
 * (the window starts `lookbackDays` before the period), grouped by contact, oldest first. Reads the touches
 * table by time.
 */
export function touchesByContact(
  ctx: Ctx,
  contactIds: ReadonlySet<string>,
  fromIso: string,
  untilIso: string,
): Map<string, ModelTouch[]> {
  const byContact = new Map<string, ModelTouch[]>();
  if (contactIds.size === 0) return byContact;
  const stmt = ctx.sqlite.prepare(TOUCHES_BY_TIME);
  for (const row of stmt.all(fromIso, untilIso) as TouchRow[]) {
    if (!contactIds.has(row.contactId)) continue;
    let list = byContact.get(row.contactId);
    if (!list) byContact.set(row.contactId, (list = []));
    list.push({
      at: row.at,
      kind: row.kind,
      channel: row.channel,
      campaignId: row.campaignId,
      contentId: row.contentId,
      direct: row.campaignId === null && (row.channel === null || row.channel === 'direct'),
      ms: Date.parse(row.at),
    });
  }
  // Touches at the same instant keep the touch log's order of kinds (see touch_log), as when read from the view.
  const rank = (t: ModelTouch) => KIND_ORDER.indexOf(t.kind);
  for (const list of byContact.values())
    if (list.length > 1) list.sort((a, b) => a.ms! - b.ms! || rank(a) - rank(b));
  return byContact;
}
