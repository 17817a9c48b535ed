import { uuidv7 } from '../db/ids';
import type { z } from 'zod';
import { LeadChannel, type Lead, type LeadCreate, type LeadPatch } from '@shared/api/leads';
import { fail, type FieldIssue } from '@shared/contract/result';
import { createContact } from '../contacts/service';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { recordStageChange, topRank } from './move';
import { getLead } from './queries';
import { firstStage, stageRow } from './stages';
import { writeTransaction } from '../db/transaction';
import type { campaigns, contacts } from '../db/schema';
import type { Row } from '../db/typed';
import { softDelete, softRestore } from '../deletion/dependents';

type CreateInput = z.output<typeof LeadCreate>;
type PatchInput = z.output<typeof LeadPatch>;

interface References {
  contact?: { id: string; companyId: string | null } | null;
  campaign?: { id: string; channel: string } | null;
}

/** Checks that referenced records exist, collecting one issue per field so the form can show them all. */
function resolveReferences(
  ctx: Ctx,
  input: { contactId?: string | null; campaignId?: string | null },
): References {
  const issues: FieldIssue[] = [];
  const refs: References = {};
  if (input.contactId) {
    refs.contact = get<Row<typeof contacts, 'id' | 'companyId'>>(
      ctx.sqlite,
      'SELECT id, company_id AS companyId FROM contacts WHERE id = ? AND deleted_at IS NULL',
      input.contactId,
    );
    if (!refs.contact) issues.push({ field: 'contactId', message: 'choose an existing contact' });
  } else if (input.contactId === null) refs.contact = null;
  if (input.campaignId) {
    refs.campaign = get<Row<typeof campaigns, 'id' | 'channel'>>(
      ctx.sqlite,
      'SELECT id, channel FROM campaigns WHERE id = ? AND deleted_at IS NULL',
      input.campaignId,
    );
    if (!refs.campaign) issues.push({ field: 'campaignId', message: 'choose an existing campaign, or none' });
  } else if (input.campaignId === null) refs.campaign = null;
  if (issues.length > 0) fail('validation', 'The lead refers to records that do not exist.', issues);
  return refs;
}

/** A campaign's channel as a lead channel; channels outside the lead list count as `other`. */
function channelOf(campaign: { channel: string } | null | undefined): LeadChannel {
  if (!campaign) return 'unknown';
  const parsed = LeadChannel.safeParse(campaign.channel);
  return parsed.success ? parsed.data : 'other';
}

export function createLead(ctx: Ctx, input: CreateInput): Lead {
  const refs = resolveReferences(ctx, input);
  const stage = input.stageId ? stageRow(ctx, input.stageId) : firstStage(ctx, 'open');
  if (!stage)
    return fail('validation', 'That stage does not exist.', [
      { field: 'stageId', message: 'choose an existing stage' },
    ]);
  if (stage.outcome === 'lost') {
    fail('validation', 'A new lead cannot start as lost.', [
      { field: 'stageId', message: 'create the lead in an open stage, then close it as lost with a reason' },
    ]);
  }
  const id = uuidv7();
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    const contact = input.newContact ? createContact(ctx, input.newContact) : refs.contact;
    run(
      ctx.sqlite,
      `INSERT INTO leads (id, title, contact_id, company_id, campaign_id, channel, stage_id, value_minor,
         expected_close_date, owner, board_rank, closed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.title,
      contact?.id ?? null,
      contact?.companyId ?? null,
      refs.campaign?.id ?? null,
      input.channel ?? channelOf(refs.campaign),
      stage.id,
      input.valueMinor,
      input.expectedCloseDate ?? null,
      input.owner ?? '',
      topRank(ctx, stage.id),
      stage.outcome === 'open' ? null : now,
      now,
      now,
    );
    recordStageChange(ctx, id, null, stage.id, now);
  });
  return getLead(ctx, id);
}

export function updateLead(ctx: Ctx, id: string, patch: PatchInput): Lead {
  getLead(ctx, id);
  const refs = resolveReferences(ctx, patch);
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    params.push(value);
  };
  if (patch.title !== undefined) set('title', patch.title);
  if (refs.contact !== undefined) {
    set('contact_id', refs.contact?.id ?? null);
    set('company_id', refs.contact?.companyId ?? null);
  }
  if (refs.campaign !== undefined) set('campaign_id', refs.campaign?.id ?? null);
  // Changing the campaign without naming a channel takes the new campaign's channel.
  const channel = patch.channel ?? (refs.campaign !== undefined ? channelOf(refs.campaign) : undefined);
  if (channel !== undefined) set('channel', channel);
  if (patch.valueMinor !== undefined) set('value_minor', patch.valueMinor);
  if (patch.expectedCloseDate !== undefined) set('expected_close_date', patch.expectedCloseDate);
  if (patch.owner !== undefined) set('owner', patch.owner);
  set('updated_at', ctx.nowIso());
  run(ctx.sqlite, `UPDATE leads SET ${sets.join(', ')} WHERE id = ?`, ...params, id);
  return getLead(ctx, id);
}

/** Sales' quality rating (1–5) with a note, stamped with who and when; null clears it. */
export function rateLead(
  ctx: Ctx,
  input: { id: string; rating: number | null; note?: string | undefined; ratedBy?: string | undefined },
): Lead {
  const current = getLead(ctx, input.id);
  const now = ctx.nowIso();
  if (input.rating === null) {
    run(
      ctx.sqlite,
      `UPDATE leads SET rating = NULL, rating_note = '', rated_by = NULL, rated_at = NULL, updated_at = ? WHERE id = ?`,
      now,
      input.id,
    );
  } else {
    run(
      ctx.sqlite,
      'UPDATE leads SET rating = ?, rating_note = ?, rated_by = ?, rated_at = ?, updated_at = ? WHERE id = ?',
      input.rating,
      input.note ?? current.ratingNote,
      input.ratedBy ?? 'You',
      now,
      now,
      input.id,
    );
  }
  return getLead(ctx, input.id);
}

/**
 * Soft delete. The lead's live activities are deleted with it, stamped with the same instant, so Today and
 * search drop them without a join and restore brings back exactly those (not ones deleted on their own).
 */
export function deleteLead(ctx: Ctx, id: string): { id: string } {
  getLead(ctx, id);
  softDelete(ctx, 'lead', id);
  return { id };
}

export function restoreLead(ctx: Ctx, id: string): Lead {
  const lead = getLead(ctx, id, true);
  writeTransaction(ctx.sqlite, () => {
    const now = ctx.nowIso();
    softRestore(ctx, 'lead', id);
    // Its stage may have been deleted meanwhile: the lead comes back at the start of the pipeline.
    if (!stageRow(ctx, lead.stageId)) {
      const start = firstStage(ctx, 'open');
      run(
        ctx.sqlite,
        'UPDATE leads SET stage_id = ?, board_rank = ?, closed_at = NULL WHERE id = ?',
        start.id,
        topRank(ctx, start.id),
        id,
      );
      recordStageChange(ctx, id, lead.stageId, start.id, now);
    }
  });
  return getLead(ctx, id);
}
