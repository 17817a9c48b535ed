import { uuidv7 } from '../../db/ids';
import { all, get, prepared } from '../../db/prepared';
import type { ContactRecord, DealRecord } from '../records';
import { changedColumns, emptyCounts, updateRow, type WriteContext } from './context';
import { writeContacts } from './contacts';
import type { leads, pipelineStages } from '../../db/schema';
import type { Row, SqlRow } from '../../db/typed';

type Stage = Row<typeof pipelineStages, 'id' | 'name' | 'position' | 'outcome'>;

/** Words in other CRMs' stage names and the default stage of ours they correspond to. */
const STAGE_WORDS: [RegExp, string][] = [
  [/lead in|^new|incoming|inbox/i, 'New'],
  [/contact(ed| made)|reached|attempt|connected/i, 'Contacted'],
  [/qualif|tasting|demo|meeting|discovery|scheduled|needs/i, 'Qualified'],
  [/proposal|quote|negotiat|offer|contract/i, 'Proposal'],
];

/** Our open stage for another CRM's stage name: same name, else the stage its wording suggests, else the first. */
function openStageFor(name: string, stages: readonly Stage[]): Stage | undefined {
  const open = stages.filter((s) => s.outcome === 'open');
  const exact = open.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  if (exact) return exact;
  for (const [pattern, ours] of STAGE_WORDS) {
    if (!pattern.test(name)) continue;
    const stage = open.find((s) => s.name === ours);
    if (stage) return stage;
  }
  return open[0];
}

type LeadRow = SqlRow<
  typeof leads,
  | 'id'
  | 'title'
  | 'contact_id'
  | 'company_id'
  | 'campaign_id'
  | 'channel'
  | 'stage_id'
  | 'value_minor'
  | 'expected_close_date'
  | 'owner'
  | 'lost_reason'
  | 'closed_at'
  | 'board_rank'
  | 'import_job_id'
>;

const hasKey = (c: ContactRecord) => Boolean(c.emailKey ?? c.phoneKey);

/**
 * The contact of a deal that names its person but gives no e-mail or phone: the deal's own contact on a
 * re-import, else the one this job already made for that name at that company, else a new one. A name alone
 * never joins a contact from elsewhere, since two people may share it; the Duplicates screen and a merge are
 * for the user.
 */
function namedContact(deal: DealRecord, contact: ContactRecord, w: WriteContext): string | null {
  const own = get<{ id: string }>(
    w.sqlite,
    `SELECT c.id FROM leads l JOIN contacts c ON c.id = l.contact_id AND c.deleted_at IS NULL
     WHERE l.external_id = ?`,
    `${w.source}:${deal.externalId}`,
  );
  if (own) return own.id;
  const made = get<{ id: string }>(
    w.sqlite,
    `SELECT id FROM contacts
     WHERE lower(last_name) = lower(?) AND lower(first_name) = lower(?) AND import_job_id = ?
       AND email_key IS NULL AND phone_key IS NULL AND company_id IS ? AND deleted_at IS NULL
     ORDER BY rowid LIMIT 1`,
    contact.lastName,
    contact.firstName,
    w.jobId,
    w.companies.idFor(contact.company),
  );
  return made?.id ?? writeContacts([contact], w, emptyCounts())[0] ?? null;
}

function recordStage(
  w: WriteContext,
  leadId: string,
  from: string | null,
  to: string,
  at: string,
  log: boolean,
): void {
  const id = uuidv7();
  const now = w.now();
  prepared(
    w.sqlite,
    `INSERT INTO lead_stage_history (id, lead_id, from_stage_id, to_stage_id, changed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, leadId, from, to, at, now, now);
  if (log) w.changes.inserted('lead_stage_history', id);
}

/**
 * Deals become leads: the source's stage maps to one of our open stages, Won/Lost to our closing stages
 * (closed_at set), and the stage history records both so conversion rates see how far a lost deal got.
 * The deal's person is matched or created as a contact. Re-imports overwrite what the source owns.
 */
export function writeDeals(records: readonly DealRecord[], w: WriteContext): void {
  const stages = all<Stage>(
    w.sqlite,
    'SELECT id, name, position, outcome FROM pipeline_stages WHERE deleted_at IS NULL ORDER BY position',
  );
  const closing = (outcome: string) => stages.find((s) => s.outcome === outcome);
  const people = records.filter((r) => r.contact && hasKey(r.contact));
  const contactIds = writeContacts(
    people.map((r) => r.contact).filter((c) => c !== null),
    w,
    emptyCounts(),
  );
  const contactOf = new Map(people.map((r, i) => [r, contactIds[i] ?? null]));
  for (const deal of records)
    if (deal.contact && !hasKey(deal.contact)) contactOf.set(deal, namedContact(deal, deal.contact, w));
  const rank = (stageId: string) =>
    (get<{ r: Row<typeof leads>['boardRank'] | null }>(
      w.sqlite,
      'SELECT min(board_rank) AS r FROM leads WHERE stage_id = ? AND deleted_at IS NULL',
      stageId,
    )?.r ?? 1024) - 1024;

  for (const deal of records) {
    const openStage = openStageFor(deal.stage, stages);
    const stage = deal.outcome === 'open' ? openStage : (closing(deal.outcome) ?? openStage);
    if (!stage || !openStage) throw new Error('the pipeline has no stages');
    const at = w.now();
    const createdAt = deal.createdAt ?? at;
    const closedAt = deal.outcome === 'open' ? null : (deal.closedAt ?? createdAt);
    const contactId = contactOf.get(deal) ?? null;
    const campaign = deal.campaignCode
      ? w.campaigns.byCode(deal.campaignCode, { channel: deal.channel })
      : null;
    const next = {
      title: deal.title,
      contact_id: contactId,
      company_id: deal.company ? w.companies.idFor(deal.company) : null,
      campaign_id: campaign?.id ?? null,
      channel: deal.channel ?? campaign?.channel ?? 'unknown',
      stage_id: stage.id,
      value_minor: deal.valueMinor,
      expected_close_date: deal.expectedCloseDate,
      owner: deal.owner,
      lost_reason: deal.lostReason,
      closed_at: closedAt,
    };
    const externalId = `${w.source}:${deal.externalId}`;
    const existing = get<LeadRow>(
      w.sqlite,
      `SELECT id, title, contact_id, company_id, campaign_id, channel, stage_id, value_minor, expected_close_date, owner,
              lost_reason, closed_at, board_rank, import_job_id FROM leads WHERE external_id = ?`,
      externalId,
    );
    if (!existing) {
      const id = uuidv7();
      prepared(
        w.sqlite,
        `INSERT INTO leads (id, title, contact_id, company_id, campaign_id, channel, stage_id, value_minor,
           expected_close_date, owner, lost_reason, closed_at, board_rank, external_id, import_job_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, ...Object.values(next), rank(stage.id), externalId, w.jobId, createdAt, at);
      recordStage(w, id, null, openStage.id, createdAt, false);
      if (stage.id !== openStage.id) recordStage(w, id, openStage.id, stage.id, closedAt ?? createdAt, false);
      w.counts.inserted++;
      continue;
    }
    // A person or company the user linked by hand is kept when the file names none.
    if (!next.contact_id) next.contact_id = existing.contact_id;
    if (!next.company_id) next.company_id = existing.company_id;
    if (!next.campaign_id) next.campaign_id = existing.campaign_id;
    const before = changedColumns(existing as unknown as Record<string, unknown>, next);
    if (!before) {
      w.counts.unchanged++;
      continue;
    }
    const fromJob = existing.import_job_id === w.jobId;
    const values: Record<string, unknown> = { ...next };
    if (existing.stage_id !== stage.id) {
      values.board_rank = rank(stage.id);
      before.board_rank = existing.board_rank;
      recordStage(w, existing.id, existing.stage_id, stage.id, closedAt ?? at, !fromJob);
    }
    if (!fromJob) w.changes.updated('leads', existing.id, before);
    updateRow(w.sqlite, 'leads', existing.id, values, at);
    w.counts.updated++;
  }
}
