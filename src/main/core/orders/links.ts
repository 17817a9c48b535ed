import type { z } from 'zod';
import type { OrderDetail } from '@shared/api/orders';
import { get } from '../db/prepared';
import type { Ctx } from '../context';

type Detail = z.infer<typeof OrderDetail>;

/** The ids an order or payment carries itself, and its lead's. */
export interface LinkIds {
  ownContactId: string | null;
  ownCampaignId: string | null;
  leadId: string | null;
}

const NAME = `coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, '')`;

/**
 * The contact, lead and campaign a sale is linked to, each saying whether it is the record's own or reached
 * through the lead (the same precedence the REVENUE rule and the touch log use), and where it stands in
 * reconciliation.
 */
export function linksOf(
  ctx: Ctx,
  kind: 'order' | 'payment',
  id: string,
  ids: LinkIds,
  countsAsRevenue: boolean,
): Pick<Detail, 'contact' | 'lead' | 'campaign' | 'reconciliation'> {
  const lead = ids.leadId
    ? get<{
        id: string;
        title: string;
        stageName: string;
        outcome: string;
        contactId: string | null;
        campaignId: string | null;
      }>(
        ctx.sqlite,
        `SELECT l.id, l.title, s.name AS stageName, s.outcome, l.contact_id AS contactId, l.campaign_id AS campaignId
         FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.id = ?`,
        ids.leadId,
      )
    : undefined;
  const contactId = ids.ownContactId ?? lead?.contactId ?? null;
  const contact = contactId
    ? get<{ id: string; name: string; email: string | null }>(
        ctx.sqlite,
        `SELECT id, ${NAME} AS name, email FROM contacts WHERE id = ?`,
        contactId,
      )
    : undefined;
  const campaignId = ids.ownCampaignId ?? lead?.campaignId ?? null;
  const campaign = campaignId
    ? get<{ id: string; name: string; channel: string }>(
        ctx.sqlite,
        'SELECT id, name, channel FROM campaigns WHERE id = ?',
        campaignId,
      )
    : undefined;
  const mark = get(
    ctx.sqlite,
    `SELECT 1 FROM reconciliation_marks WHERE record_kind = ? AND record_id = ? AND action = 'not_applicable'`,
    kind,
    id,
  );
  return {
    contact: contact ? { ...contact, via: ids.ownContactId ? 'record' : 'lead' } : null,
    lead: lead ? { id: lead.id, title: lead.title, stageName: lead.stageName, outcome: lead.outcome } : null,
    campaign: campaign ? { ...campaign, via: ids.ownCampaignId ? 'record' : 'lead' } : null,
    reconciliation: {
      // As the reconciliation lists count them: only records that are revenue need a contact and a campaign.
      noContact: countsAsRevenue && !ids.ownContactId && !ids.leadId,
      noCampaign: countsAsRevenue && !campaignId,
      notApplicable: mark !== undefined,
    },
  };
}
