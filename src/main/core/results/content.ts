import type { Ctx } from '../context';

export const CONTENT_TOUCHES = `
  SELECT contact_id AS contactId, content_item_id AS contentId, at FROM touches
  WHERE at >= ? AND at < ? AND content_item_id IS NOT NULL`;

/**
 * Leads of the period whose contact had a touch on a content item (utm_content of an order, or a manual
 * touch naming it) within the lookback before the lead was created. The touches are read by time,
 * then each such contact's leads through leads(contact_id, created_at).
 */
export function leadsByContent(
  ctx: Ctx,
  fromIso: string,
  untilIso: string,
  lookbackDays: number,
): Map<string, Set<string>> {
  const since = new Date(Date.parse(fromIso) - lookbackDays * 86_400_000).toISOString();
  const touches = ctx.sqlite.prepare(CONTENT_TOUCHES).all(since, untilIso) as {
    contactId: string;
    contentId: string;
    at: string;
  }[];
  const out = new Map<string, Set<string>>();
  if (touches.length === 0) return out;
  const leadsOf = ctx.sqlite.prepare(
    `SELECT id, created_at AS createdAt FROM leads
     WHERE contact_id = ? AND deleted_at IS NULL AND created_at >= ? AND created_at < ?`,
  );
  for (const t of touches) {
    const leads = leadsOf.all(t.contactId, fromIso, untilIso) as { id: string; createdAt: string }[];
    for (const lead of leads) {
      const age = (Date.parse(lead.createdAt) - Date.parse(t.at)) / 86_400_000;
      if (age < 0 || age >= lookbackDays) continue;
      let ids = out.get(t.contentId);
      if (!ids) out.set(t.contentId, (ids = new Set()));
      ids.add(lead.id);
    }
  }
  return out;
}

export const leadCounts = (byContent: Map<string, Set<string>>): Map<string, number> =>
  new Map([...byContent].map(([id, leads]) => [id, leads.size]));
