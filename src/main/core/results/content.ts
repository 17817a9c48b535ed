import type { Ctx } from '../context';

/** From the partial touches_content_at_idx: only the touches that name a content item. */
export const CONTENT_TOUCHES = `
  SELECT contact_id AS contactId, content_item_id AS contentId, at FROM touches INDEXED BY touches_content_at_idx
  WHERE at >= ? AND at < ? AND content_item_id IS NOT NULL`;

/** The period's live leads with a contact, from the covering leads_period_idx alone. */
export const PERIOD_CONTACT_LEADS = `
  SELECT contact_id AS contactId, id, created_at AS createdAt FROM leads
  WHERE created_at >= ? AND created_at < ? AND deleted_at IS NULL AND contact_id IS NOT NULL`;

/**
 * Leads of the period whose contact had a touch on a content item (utm_content of an order, or a manual
 * touch naming it) within the lookback before the lead was created. The touches and the period's leads are
 * each read by time in one statement and matched by contact here; `visit` sees each match (a lead and an
 * item may match through several touches).
 */
export function eachContentLead(
  ctx: Ctx,
  fromIso: string,
  untilIso: string,
  lookbackDays: number,
  visit: (contentId: string, leadId: string, createdAt: string) => void,
): void {
  const since = new Date(Date.parse(fromIso) - lookbackDays * 86_400_000).toISOString();
  const touches = ctx.sqlite.prepare(CONTENT_TOUCHES).all(since, untilIso) as {
    contactId: string;
    contentId: string;
    at: string;
  }[];
  if (touches.length === 0) return;
  const leadsOf = new Map<string, { id: string; createdAt: string; ms: number }[]>();
  const leads = ctx.sqlite.prepare(PERIOD_CONTACT_LEADS).all(fromIso, untilIso) as {
    contactId: string;
    id: string;
    createdAt: string;
  }[];
  for (const lead of leads) {
    let list = leadsOf.get(lead.contactId);
    if (!list) leadsOf.set(lead.contactId, (list = []));
    list.push({ id: lead.id, createdAt: lead.createdAt, ms: Date.parse(lead.createdAt) });
  }
  for (const t of touches) {
    const list = leadsOf.get(t.contactId);
    if (!list) continue;
    const at = Date.parse(t.at);
    for (const lead of list) {
      const age = (lead.ms - at) / 86_400_000;
      if (age < 0 || age >= lookbackDays) continue;
      visit(t.contentId, lead.id, lead.createdAt);
    }
  }
}

/** The leads of each content item in the period (see eachContentLead). */
export function leadsByContent(
  ctx: Ctx,
  fromIso: string,
  untilIso: string,
  lookbackDays: number,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  eachContentLead(ctx, fromIso, untilIso, lookbackDays, (contentId, leadId) => {
    let ids = out.get(contentId);
    if (!ids) out.set(contentId, (ids = new Set()));
    ids.add(leadId);
  });
  return out;
}

export const leadCounts = (byContent: Map<string, Set<string>>): Map<string, number> =>
  new Map([...byContent].map(([id, leads]) => [id, leads.size]));
