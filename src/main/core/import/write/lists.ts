import { get } from '../../db/prepared';
import type { ActivityRecord, CampaignRecord, CompanyRecord, ContentRecord, SpendRecord } from '../records';
import type { CampaignRef } from './campaigns';
import type { WriteContext } from './context';
import { writtenByJob } from './metrics';
import { byId, note, upsert, type Existing } from './upsert';

/*
 * Companies, activities, campaigns, spend and content. Each record is found by its Tandem id (a Tandem
 * export's), else by its natural key: a company by name, a campaign by tracking code then name, an activity
 * by what it is (type, subject, dates, lead, contact), a spend entry by source, date and campaign, a content
 * item by utm_content, else by title, date and channel. Files of these kinds are small: one look-up per row.
 */

export function writeCompanies(records: readonly CompanyRecord[], w: WriteContext): void {
  for (const r of records) {
    const exported = byId(w, 'companies', r.id);
    const found =
      exported ??
      get<Existing>(
        w.sqlite,
        'SELECT * FROM companies WHERE name_key = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
        r.nameKey,
      );
    // Found by name, the company keeps the way the user wrote it ("Acme Roasting, Inc." for "acme roasting").
    upsert(w, 'companies', r, found, {
      name: found && !exported ? null : r.name,
      name_key: r.nameKey,
      domain: r.domain,
      phone: r.phone,
      website: r.website,
      notes: r.notes,
    });
  }
}

/** A lead by Tandem id or Deal ID, as written by the leads export or stored by its import (`source:id`). */
function leadFor(w: WriteContext, r: ActivityRecord): string | null {
  if (!r.leadRef) return null;
  const found = get<{ id: string }>(
    w.sqlite,
    `SELECT id FROM leads WHERE deleted_at IS NULL AND (id = ? OR external_id = ? OR external_id = ?)
     ORDER BY id = ? DESC, external_id = ? DESC LIMIT 1`,
    r.leadRef,
    r.leadRef,
    `${w.source}:${r.leadRef}`,
    r.leadRef,
    r.leadRef,
  );
  if (!found) note(w, r.line, 'leadId', `no lead with the deal ID "${r.leadRef}": imported without its lead`);
  return found?.id ?? null;
}

function contactFor(w: WriteContext, r: ActivityRecord): string | null {
  if (!r.emailKey && !r.phoneKey) return null;
  const live = 'deleted_at IS NULL AND merged_into_id IS NULL';
  const found =
    (r.emailKey
      ? get<{ id: string }>(
          w.sqlite,
          `SELECT id FROM contacts WHERE email_key = ? AND ${live} LIMIT 1`,
          r.emailKey,
        )
      : undefined) ??
    (r.phoneKey
      ? get<{ id: string }>(
          w.sqlite,
          `SELECT id FROM contacts WHERE phone_key = ? AND ${live} LIMIT 1`,
          r.phoneKey,
        )
      : undefined);
  if (!found)
    note(w, r.line, 'contactEmail', 'no contact with this e-mail or phone: imported without a contact');
  return found?.id ?? null;
}

export function writeActivities(records: readonly ActivityRecord[], w: WriteContext): void {
  for (const r of records) {
    const leadId = leadFor(w, r);
    const contactId = contactFor(w, r);
    // An exported activity is found by its id only: two alike activities in one export stay two.
    const found =
      byId(w, 'activities', r.id) ??
      (r.id
        ? undefined
        : get<Existing>(
            w.sqlite,
            `SELECT * FROM activities WHERE deleted_at IS NULL AND type = ? AND subject = ? AND due_at IS ?
           AND done_at IS ? AND lead_id IS ? AND contact_id IS ? LIMIT 1`,
            r.type,
            r.subject,
            r.dueAt,
            r.doneAt,
            leadId,
            contactId,
          ));
    upsert(w, 'activities', r, found, {
      type: r.type,
      subject: r.subject,
      notes: r.notes,
      due_at: r.dueAt,
      done_at: r.doneAt,
      outcome: r.outcome,
      lead_id: leadId,
      contact_id: contactId,
    });
  }
}

export function writeCampaigns(records: readonly CampaignRecord[], w: WriteContext): void {
  for (const r of records) {
    const byCode = r.trackingCode
      ? get<Existing>(w.sqlite, 'SELECT * FROM campaigns WHERE tracking_code = ?', r.trackingCode)
      : undefined;
    const found =
      byId(w, 'campaigns', r.id) ??
      byCode ??
      get<Existing>(
        w.sqlite,
        'SELECT * FROM campaigns WHERE lower(name) = lower(?) AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
        r.name,
      );
    let trackingCode = r.trackingCode;
    if (byCode && found && byCode.id !== found.id) {
      note(
        w,
        r.line,
        'trackingCode',
        `the tracking code "${r.trackingCode}" belongs to another campaign; not changed`,
      );
      trackingCode = null;
    }
    const plan = r.planName
      ? get<{ id: string }>(
          w.sqlite,
          'SELECT id FROM plans WHERE lower(name) = lower(?) AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
          r.planName,
        )
      : undefined;
    if (r.planName && !plan)
      note(w, r.line, 'plan', `no plan named "${r.planName}": imported without a plan`);
    upsert(w, 'campaigns', r, found, {
      name: r.name,
      plan_id: plan?.id ?? null,
      channel: r.channel,
      objective: r.objective ?? (found ? null : 'leads'),
      status: r.status ?? (found ? null : 'draft'),
      start_date: r.startDate,
      end_date: r.endDate,
      budget_minor: r.budgetMinor ?? (found ? null : 0),
      target_leads: r.targetLeads,
      target_revenue_minor: r.targetRevenueMinor,
      tracking_code: trackingCode,
      key_message: r.keyMessage,
      landing_url: r.landingUrl,
    });
  }
}

function campaignOf(
  w: WriteContext,
  r: { campaignCode: string | null; campaignName: string | null },
  create: boolean,
): CampaignRef | null {
  if (r.campaignCode) return w.campaigns.byCode(r.campaignCode);
  if (!r.campaignName) return null;
  return w.campaigns.byName(r.campaignName) ?? (create ? w.campaigns.createNamed(r.campaignName) : null);
}

export function writeSpend(records: readonly SpendRecord[], w: WriteContext): void {
  // A file without ids: one entry per source, day and campaign (as ad spend from the metrics import), the
  // batch's rows of one key added up first so a re-import of the same file finds each entry unchanged.
  const keyed = new Map<string, { record: SpendRecord; campaignId: string; amount: number }>();
  for (const r of records) {
    const campaign = campaignOf(w, r, true);
    if (!campaign) continue;
    if (r.id) {
      const values = { campaign_id: campaign.id, date: r.date, amount_minor: r.amountMinor, note: r.note };
      upsert(w, 'spend_entries', r, byId(w, 'spend_entries', r.id), values);
      continue;
    }
    const key = `${w.source}:${r.date}:${campaign.id}`;
    const seen = keyed.get(key);
    if (seen) seen.amount += r.amountMinor;
    else keyed.set(key, { record: r, campaignId: campaign.id, amount: r.amountMinor });
  }
  for (const [sourceKey, { record: r, campaignId, amount }] of keyed) {
    const found = get<Existing>(w.sqlite, 'SELECT * FROM spend_entries WHERE source_key = ?', sourceKey);
    // Rows of the key in an earlier batch of this job add up too.
    const again = found !== undefined && writtenByJob(w, 'spend_entries', found);
    upsert(w, 'spend_entries', r, found, {
      campaign_id: campaignId,
      date: r.date,
      amount_minor: again ? (found.amount_minor as number) + amount : amount,
      note: r.note || (w.source === 'import' ? 'Imported' : `Imported from ${w.source}`),
      source_key: sourceKey,
    });
  }
}

export function writeContent(records: readonly ContentRecord[], w: WriteContext): void {
  for (const r of records) {
    const campaign = campaignOf(w, r, false);
    if (r.campaignName && !campaign)
      note(w, r.line, 'campaignName', `no campaign named "${r.campaignName}": imported without a campaign`);
    const found =
      byId(w, 'content_items', r.id) ??
      (r.id
        ? undefined
        : r.utmContent
          ? get<Existing>(
              w.sqlite,
              'SELECT * FROM content_items WHERE utm_content = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
              r.utmContent,
            )
          : get<Existing>(
              w.sqlite,
              `SELECT * FROM content_items WHERE title = ? AND scheduled_date IS ? AND channel = ? AND deleted_at IS NULL
             ORDER BY created_at LIMIT 1`,
              r.title,
              r.scheduledDate,
              r.channel ?? campaign?.channel ?? 'other',
            ));
    upsert(w, 'content_items', r, found, {
      campaign_id: campaign?.id ?? null,
      channel: r.channel ?? (found ? null : (campaign?.channel ?? 'other')),
      title: r.title,
      notes: r.notes,
      scheduled_date: r.scheduledDate,
      status: r.status ?? (found ? null : r.scheduledDate ? 'scheduled' : 'idea'),
      link: r.link,
      utm_content: r.utmContent,
    });
  }
}
